package dev.warden.agent.wire.response;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A response body that passes every byte through unchanged while a {@link ResponseObserver}
 * watches it. When the body ends (a read returns -1) or is closed, whichever comes first, the
 * observer's {@link ResponseSummary} becomes available from {@link #summary()} and is handed once
 * to the callback, on the thread that read the end or closed the stream.
 *
 * <p>The application never sees a Warden failure through this stream: an observer that throws is
 * dropped for the rest of the body, and an exception from the callback is swallowed. I/O
 * exceptions of the underlying stream pass through as they are. Mark and reset are not supported,
 * so that no byte is observed twice. Like the stream it wraps, not thread-safe, except that the
 * end is signalled exactly once even when {@link #close()} races a read.
 */
public final class ObservedInputStream extends FilterInputStream {

  private static final int SKIP_BUFFER = 8192;

  private ResponseObserver observer;
  private final Consumer<ResponseSummary> onEnd;
  private volatile ResponseSummary summary;
  private byte[] single;

  /**
   * @param in       the body as received
   * @param observer sees the bytes; typically {@code route.adapter().observeResponse(eventStream)}
   * @param onEnd    receives the summary once, or null
   */
  public ObservedInputStream(InputStream in, ResponseObserver observer, Consumer<ResponseSummary> onEnd) {
    super(in);
    this.observer = observer;
    this.onEnd = onEnd;
  }

  /** What the observer found, or null while the body has neither ended nor been closed. */
  public ResponseSummary summary() {
    return summary;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      end();
    } else if (observer != null) {
      if (single == null) {
        single = new byte[1];
      }
      single[0] = (byte) b;
      observe(single, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      end();
    } else if (n > 0) {
      observe(b, off, n);
    }
    return n;
  }

  /** Reads the skipped bytes, so the observer sees them too. */
  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    byte[] buffer = new byte[(int) Math.min(SKIP_BUFFER, n)];
    long remaining = n;
    while (remaining > 0) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (r < 0) {
        break;
      }
      remaining -= r;
    }
    return n - remaining;
  }

  // FilterInputStream may delegate these to the wrapped stream in some JDKs, which would skip the observer
  @Override
  public long transferTo(OutputStream out) throws IOException {
    byte[] buffer = new byte[SKIP_BUFFER];
    long total = 0;
    int r;
    while ((r = read(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, r);
      total += r;
    }
    return total;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void mark(int readlimit) {
    // not supported: bytes read twice would be observed twice
  }

  @Override
  public void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
    } finally {
      end();
    }
  }

  private void observe(byte[] b, int off, int n) {
    ResponseObserver current = observer;
    if (current == null) {
      return;
    }
    try {
      current.onBytes(b, off, n);
    } catch (RuntimeException e) {
      observer = null;
    }
  }

  private void end() {
    ResponseSummary result;
    synchronized (this) {
      if (summary != null) {
        return;
      }
      result = ResponseSummary.empty();
      ResponseObserver current = observer;
      observer = null;
      if (current != null) {
        try {
          ResponseSummary found = current.finish();
          if (found != null) {
            result = found;
          }
        } catch (RuntimeException e) {
          // a broken observer: report an empty summary
        }
      }
      summary = result;
    }
    if (onEnd != null) {
      try {
        onEnd.accept(result);
      } catch (RuntimeException e) {
        // the callback's failure must not reach the application's read
      }
    }
  }
}
