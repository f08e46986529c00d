package dev.warden.agent.jdkhttp;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads the bytes of a JDK {@link HttpRequest}'s body publisher. In-memory publishers
 * ({@code ofString}, {@code ofByteArray}) deliver on request; others deliver on a thread of their
 * own (Spring's {@code JdkClientHttpRequest}, which Spring AI 1.x's RestClient uses on a plain
 * class path, writes the body on its executor), so the reader waits for them, up to
 * {@link #MAX_WAIT}. A publisher that takes longer, or a body over the size limit, is reported
 * unreadable.
 */
final class RequestBodyReader {

  static final int MAX_BYTES = 32 << 20;
  static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private RequestBodyReader() {}

  /** The body bytes (empty for a request without body), or null when they cannot be read. */
  static byte[] read(HttpRequest request) {
    return read(request, MAX_WAIT);
  }

  /** As {@link #read(HttpRequest)}, waiting at most {@code wait} for the publisher. */
  static byte[] read(HttpRequest request, Duration wait) {
    Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
    if (publisher.isEmpty()) {
      return new byte[0];
    }
    long length = publisher.get().contentLength();
    if (length > MAX_BYTES) {
      return null;
    }
    Collector collector = new Collector(length > 0 ? (int) length : 1024);
    publisher.get().subscribe(collector);
    return collector.result(wait);
  }

  private static final class Collector implements Flow.Subscriber<ByteBuffer> {
    private final ByteArrayOutputStream bytes;
    private final CountDownLatch ended = new CountDownLatch(1);
    private Flow.Subscription subscription;
    private boolean complete;
    private boolean failed;

    Collector(int expected) {
      bytes = new ByteArrayOutputStream(expected);
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(ByteBuffer item) {
      if (failed) {
        return;
      }
      if (bytes.size() + item.remaining() > MAX_BYTES) {
        failed = true;
        subscription.cancel();
        ended.countDown();
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }

    @Override
    public synchronized void onError(Throwable error) {
      failed = true;
      ended.countDown();
    }

    @Override
    public synchronized void onComplete() {
      complete = true;
      ended.countDown();
    }

    byte[] result(Duration wait) {
      boolean done;
      try {
        done = ended.await(wait.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      synchronized (this) {
        if (done && complete && !failed) {
          return bytes.toByteArray();
        }
        failed = true;
        if (subscription != null) {
          subscription.cancel();
        }
        return null;
      }
    }
  }
}
