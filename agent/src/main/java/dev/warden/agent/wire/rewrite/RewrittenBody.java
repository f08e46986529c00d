package dev.warden.agent.wire.rewrite;

import dev.warden.policies.pii.CompletionRewriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A response body as the application reads it after Warden rewrote its completion text. Pulls
 * from the body as received only when the application reads, and blocks only while that body
 * does: a JSON body is read whole on the first read (it cannot be rewritten in pieces), an event
 * stream one event at a time.
 *
 * <p>Never throws into the application for content it cannot read: a body or event that cannot
 * be parsed, or is over the size bound, passes through unchanged and is counted by
 * {@link #unreadable()}. I/O exceptions of the underlying body pass through (an event stream first
 * releases the text it was holding back). The length changes whenever text does, so a caller must
 * drop {@code Content-Length}, or read the body whole (JSON) and set the new length. Mark and reset
 * are not supported. Not thread-safe, like the stream it wraps; the counters may be read from any
 * thread once the body has ended.
 */
public abstract class RewrittenBody extends InputStream {

  /** Largest JSON body rewritten; a larger one passes through unchanged. */
  public static final int DEFAULT_MAX_JSON_BYTES = 32 * 1024 * 1024;

  /** Largest event rewritten; a larger one passes through unchanged. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

  volatile int changes;
  volatile int unreadable;
  volatile boolean withheld;
  private byte[] single;

  RewrittenBody() {}

  /**
   * Number of text strings changed plus extra delta events added so far; 0 means the application
   * got the body byte for byte as received.
   */
  public final int changes() {
    return changes;
  }

  /**
   * Number of things passed through unread so far, whose text may therefore hold placeholders or
   * unredacted values: a JSON body over the bound or unparseable, a stream event over the bound or
   * whose data is not the JSON expected. 0 on a clean body.
   */
  public final int unreadable() {
    return unreadable;
  }

  /**
   * True once the body was withheld because the rewriter found a leak
   * ({@link CompletionRewriter#leaked()}): a JSON body was replaced whole by the withheld body, a
   * stream ended with the format's error event.
   */
  public final boolean withheld() {
    return withheld;
  }

  /**
   * Rewrites a response body.
   *
   * @param body        the body as received; closed when the result is closed
   * @param eventStream true for {@code text/event-stream}, false for a JSON body
   * @param rewriter    the call's completion rewriter; null leaves the body unchanged
   * @param texts       where the endpoint's format keeps its completion text
   */
  public static RewrittenBody of(InputStream body, boolean eventStream, CompletionRewriter rewriter,
      CompletionTexts texts) {
    return of(body, eventStream, rewriter, texts, null);
  }

  /**
   * Rewrites a response body, and withholds it when the rewriter finds a leak.
   *
   * @param withheldBody the provider-shaped error (JSON) that replaces a body whose completion the
   *     rewriter withholds: a JSON body is replaced by it whole, a stream ends with it in the
   *     format's error event ({@link CompletionTexts#errorEvent}) and nothing after. Null: a
   *     withheld JSON body becomes empty and a withheld stream just ends
   */
  public static RewrittenBody of(InputStream body, boolean eventStream, CompletionRewriter rewriter,
      CompletionTexts texts, byte[] withheldBody) {
    if (rewriter == null) {
      return unchanged(body);
    }
    return eventStream
        ? new SseRewriter(body, texts, rewriter, DEFAULT_MAX_EVENT_BYTES, withheldBody)
        : new JsonBodyRewriter(body, texts, rewriter, DEFAULT_MAX_JSON_BYTES, withheldBody);
  }

  /**
   * The event-stream rewrite of {@link #of(InputStream, boolean, CompletionRewriter, CompletionTexts, byte[])}
   * for a transport that pushes the body as it arrives (Apache HttpClient 5's async client).
   */
  public static PushRewrite events(CompletionRewriter rewriter, CompletionTexts texts, byte[] withheldBody) {
    return new SsePushRewrite(texts, rewriter, DEFAULT_MAX_EVENT_BYTES, withheldBody);
  }

  /** A body rewritten by a push-based rewriter (an AWS event stream), read as it is pulled. */
  public static RewrittenBody of(InputStream body, PushRewrite rewrite) {
    return new PushedBody(body, rewrite);
  }

  /** The body as received, for formats without completion text. */
  public static RewrittenBody unchanged(InputStream body) {
    return new Unchanged(body);
  }

  @Override
  public int read() throws IOException {
    if (single == null) {
      single = new byte[1];
    }
    int n;
    do {
      n = read(single, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : single[0] & 0xFF;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private static final class Unchanged extends RewrittenBody {
    private final InputStream in;

    Unchanged(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      return in.skip(n);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
      return in.transferTo(out);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
