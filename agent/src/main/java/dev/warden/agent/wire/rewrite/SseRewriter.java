package dev.warden.agent.wire.rewrite;

import dev.warden.policies.pii.CompletionRewriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An event stream with the text of its deltas rewritten as the application reads it: the
 * {@link SsePushRewrite} read as a pull stream. Each read pulls from the source only until at
 * least one byte can be served, so an event goes out as soon as it is complete.
 *
 * <p>When the source ends without the format's end events (a cut stream) or fails with an I/O
 * exception, what the rewrite still holds goes out first (see {@link SsePushRewrite#finish()}),
 * then the end or the exception. When the rewriter finds a leak, the stream ends with the error
 * event (nothing after it is read) and the source is closed, which stops the provider's stream.
 */
final class SseRewriter extends RewrittenBody {

  private static final int READ_SIZE = 8192;

  private final InputStream source;
  private final SsePushRewrite rewrite;
  private final byte[] readBuffer = new byte[READ_SIZE];
  private byte[] pending = new byte[0];
  private int position;
  private boolean ended;
  private IOException failure;
  private boolean closed;

  SseRewriter(InputStream source, CompletionTexts texts, CompletionRewriter rewriter, int maxEventBytes) {
    this(source, texts, rewriter, maxEventBytes, null);
  }

  /** @param withheldBody the error that ends the stream when the rewriter finds a leak; null to just end it */
  SseRewriter(InputStream source, CompletionTexts texts, CompletionRewriter rewriter, int maxEventBytes,
      byte[] withheldBody) {
    this.source = source;
    this.rewrite = new SsePushRewrite(texts, rewriter, maxEventBytes, withheldBody);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    while (position == pending.length) {
      if (ended) {
        if (failure != null) {
          throw failure;
        }
        return -1;
      }
      pull();
    }
    int n = Math.min(len, pending.length - position);
    System.arraycopy(pending, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return closed ? 0 : pending.length - position;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    source.close();
  }

  private void pull() {
    int n;
    try {
      n = source.read(readBuffer, 0, readBuffer.length);
    } catch (IOException e) {
      failure = e;
      n = -1;
    }
    if (n < 0) {
      ended = true;
      serve(rewrite.finish());
    } else {
      serve(rewrite.feed(readBuffer, 0, n));
    }
    if (rewrite.withheld()) {
      ended = true;
      failure = null;
      closeQuietly();
    }
  }

  private void serve(byte[] bytes) {
    pending = bytes;
    position = 0;
    changes = rewrite.changes();
    unreadable = rewrite.unreadable();
    withheld = rewrite.withheld();
  }

  private void closeQuietly() {
    try {
      source.close();
    } catch (IOException e) {
      // the stream is over for the application either way
    }
  }
}
