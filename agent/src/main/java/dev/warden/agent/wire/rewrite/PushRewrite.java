package dev.warden.agent.wire.rewrite;

/**
 * A response body rewriter that is fed the body as it arrives and hands back what the application
 * gets, for binary streams (AWS event stream) and push-based transports (the AWS SDK's async
 * response publisher). {@link RewrittenBody#of(java.io.InputStream, PushRewrite)} reads one as a
 * pull stream. Not thread-safe; never throws for bad content.
 */
public interface PushRewrite {

  /** The next bytes as received; returns the bytes to hand on now, possibly none. */
  byte[] feed(byte[] bytes, int offset, int length);

  /** The body ended (or was cut): returns whatever is still held back. */
  byte[] finish();

  /** As {@link RewrittenBody#changes()}. */
  int changes();

  /** As {@link RewrittenBody#unreadable()}. */
  int unreadable();

  /** As {@link RewrittenBody#withheld()}. */
  boolean withheld();
}
