package dev.warden.policies.pii;

/** {@link CompletionRewriter#unchanged()}: passes every text as it is. */
enum UnchangedRewriter implements CompletionRewriter {
  INSTANCE;

  @Override
  public String rewrite(String text) {
    return text;
  }

  @Override
  public Channel channel() {
    return new Channel() {
      @Override
      public String feed(String delta) {
        return delta;
      }

      @Override
      public String finish() {
        return "";
      }
    };
  }

  @Override
  public CompletionRewriter forJsonText() {
    return this;
  }
}
