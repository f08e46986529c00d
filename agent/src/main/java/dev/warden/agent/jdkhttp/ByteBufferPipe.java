package dev.warden.agent.jdkhttp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The provider's pushed body as an {@link InputStream}: holds one pushed item at a time and asks
 * the upstream for the next only when the reader has used it up, so memory stays bounded.
 */
final class ByteBufferPipe extends InputStream {

  private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
  private Flow.Subscription upstream;
  private boolean ended;
  private Throwable failure;

  synchronized void upstream(Flow.Subscription subscription) {
    upstream = subscription;
    subscription.request(1);
  }

  synchronized void offer(List<ByteBuffer> item) {
    boolean empty = true;
    for (ByteBuffer buffer : item) {
      if (buffer.hasRemaining()) {
        buffers.add(buffer);
        empty = false;
      }
    }
    if (empty) {
      upstream.request(1);
    }
    notifyAll();
  }

  synchronized void end() {
    ended = true;
    notifyAll();
  }

  synchronized void fail(Throwable error) {
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
      if (!buffers.isEmpty() && !buffers.peek().hasRemaining()) {
        buffers.poll();
        if (buffers.isEmpty() && !ended) {
          upstream.request(1);
        }
        continue;
      }
      ByteBuffer head = buffers.peek();
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
    if (!ended && upstream != null) {
      upstream.cancel();
    }
    ended = true;
    buffers.clear();
    notifyAll();
  }
}
