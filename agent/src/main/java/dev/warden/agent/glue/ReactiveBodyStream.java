package dev.warden.agent.glue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * A reactive response body as an {@link InputStream}, so Warden reads it as it reads every other
 * client's: subscribes on the first read and asks for one buffer at a time, so memory stays
 * bounded and a stream is rewritten as it arrives. Reads block: call them off the event loop.
 * A glue helper (Azure, Spring's reactive client): defined next to the library with the glue that
 * uses it, it references only Reactive Streams and the JDK.
 */
public final class ReactiveBodyStream extends InputStream implements Subscriber<ByteBuffer> {

  private final Publisher<ByteBuffer> source;
  private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
  private Subscription upstream;
  private boolean subscribed;
  private boolean ended;
  private Throwable failure;

  public ReactiveBodyStream(Publisher<ByteBuffer> source) {
    this.source = source;
  }

  @Override
  public synchronized void onSubscribe(Subscription subscription) {
    upstream = subscription;
    subscription.request(1);
  }

  @Override
  public synchronized void onNext(ByteBuffer buffer) {
    if (buffer.hasRemaining()) {
      buffers.add(buffer);
    } else {
      upstream.request(1);
    }
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable error) {
    failure = error;
    notifyAll();
  }

  @Override
  public synchronized void onComplete() {
    ended = true;
    notifyAll();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    subscribeOnce();
    synchronized (this) {
      while (true) {
        ByteBuffer head = buffers.peek();
        if (head != null && !head.hasRemaining()) {
          buffers.poll();
          if (buffers.isEmpty() && !ended) {
            upstream.request(1);
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

  /** Outside the lock: the source may deliver on this very thread. */
  private void subscribeOnce() {
    boolean first;
    synchronized (this) {
      first = !subscribed;
      subscribed = true;
    }
    if (first) {
      source.subscribe(this);
    }
  }
}
