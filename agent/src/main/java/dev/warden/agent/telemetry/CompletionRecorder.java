package dev.warden.agent.telemetry;

import dev.warden.policies.pii.CompletionRewriter;
import java.util.Map;

/**
 * Keeps the completion text as the provider sent it (the first {@value #MAX_CHARS} chars), for
 * {@code telemetry.content: redacted}, and otherwise rewrites exactly as the call's own rewriter
 * does (nothing when it has none). The text kept holds the call's placeholders, not the values
 * they stand for; it is redacted before it goes on a span. Tool call arguments are not kept.
 * Thread-safe.
 */
public final class CompletionRecorder implements CompletionRewriter {

  static final int MAX_CHARS = 16 * 1024;

  private final CompletionRewriter delegate;
  private final StringBuilder text = new StringBuilder();

  /** @param delegate the call's rewriter, or null when its completion passes unchanged */
  public CompletionRecorder(CompletionRewriter delegate) {
    this.delegate = delegate;
  }

  /** What the provider sent, cut at {@value #MAX_CHARS} chars. */
  public synchronized String recorded() {
    return text.toString();
  }

  private synchronized void keep(String part) {
    if (part != null && text.length() < MAX_CHARS) {
      text.append(part, 0, Math.min(part.length(), MAX_CHARS - text.length()));
    }
  }

  @Override
  public String rewrite(String completion) {
    keep(completion);
    return delegate == null ? completion : delegate.rewrite(completion);
  }

  @Override
  public Channel channel() {
    Channel inner = delegate == null ? null : delegate.channel();
    return new Channel() {
      @Override
      public String feed(String delta) {
        keep(delta);
        return inner == null ? delta : inner.feed(delta);
      }

      @Override
      public String finish() {
        return inner == null ? "" : inner.finish();
      }
    };
  }

  @Override
  public CompletionRewriter forJsonText() {
    return delegate == null ? CompletionRewriter.unchanged() : delegate.forJsonText();
  }

  @Override
  public Map<String, Integer> findings() {
    return delegate == null ? Map.of() : delegate.findings();
  }

  @Override
  public String requestEcho(String echoed) {
    return delegate == null ? echoed : delegate.requestEcho(echoed);
  }

  @Override
  public boolean checksLeaks() {
    return delegate != null && delegate.checksLeaks();
  }

  @Override
  public boolean leaked() {
    return delegate != null && delegate.leaked();
  }
}
