package dev.warden.agent.wire.fuzz;

import dev.warden.policies.pii.CompletionRewriter;

/** A rewriter with nothing to change: a response read through it must come out byte for byte. */
final class IdentityRewriter implements CompletionRewriter {

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
