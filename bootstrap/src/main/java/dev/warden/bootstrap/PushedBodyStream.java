package dev.warden.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A body the transport pushes, read as an {@link InputStream} so that Warden rewrites it as it
 * rewrites every pulled one: it holds what one push brought and asks the upstream for the next
 * only when the reader has used it up, so memory stays bounded. Reads block until a push arrives:
 * call them off event-loop threads. Here, in the bridge, because both the agent (JDK HttpClient)
 * and glue next to a library (Reactor, in azure-core) need it.
 */
public abstract class PushedBodyStream extends InputStream {

  private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
  private boolean ended;
  private Throwable failure;

  /** Asks the upstream for one more push; called with this stream's lock held. */
  protected abstract void requestMore();

  /** Stops the upstream, when the reader closes before the end. */
  protected abstract void cancel();

  /** What one push brought; a push with no bytes asks for the next at once. */
  protected final synchronized void pushed(Iterable<ByteBuffer> item) {
    boolean empty = true;
    for (ByteBuffer buffer : item) {
      if (buffer.hasRemaining()) {
        buffers.add(buffer);
        empty = false;
      }
    }
    if (empty) {
      requestMore();
    }
    notifyAll();
  }

  protected final synchronized void pushEnded() {
    ended = true;
    notifyAll();
  }

  protected final synchronized void pushFailed(Throwable error) {
    failure = error;
    notifyAll();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      ByteBuffer head = buffers.peek();
      if (head != null && !head.hasRemaining()) {
        buffers.poll();
        if (buffers.isEmpty() && !ended) {
          requestMore();
        }
        continue;
      }
      if (head != null) {
        int n = Math.min(len, head.remaining());
        head.get(b, off, n);
        return n;
      }
      if (failure != null) {
        throw failure instanceof IOException io ? io : new IOException(failure);
      }
      if (ended) {
        return -1;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading the response");
      }
    }
  }

  @Override
  public synchronized void close() {
    if (!ended) {
      cancel();
    }
    ended = true;
    buffers.clear();
    notifyAll();
  }
}
