package dev.warden.agent.jdkhttp;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * Reads the bytes of a JDK {@link HttpRequest}'s body publisher. In-memory publishers
 * ({@code ofString}, {@code ofByteArray}, which is what LLM clients use) deliver synchronously on
 * request; a publisher that does not, or a body over the size limit, is reported unreadable
 * rather than waited for.
 */
final class RequestBodyReader {

  static final int MAX_BYTES = 32 << 20;

  private RequestBodyReader() {}

  /** The body bytes (empty for a request without body), or null when they cannot be read. */
  static byte[] read(HttpRequest request) {
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
    return collector.result();
  }

  private static final class Collector implements Flow.Subscriber<ByteBuffer> {
    private final ByteArrayOutputStream bytes;
    private Flow.Subscription subscription;
    private boolean complete;
    private boolean failed;

    Collector(int expected) {
      bytes = new ByteArrayOutputStream(expected);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer item) {
      if (bytes.size() + item.remaining() > MAX_BYTES) {
        failed = true;
        subscription.cancel();
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }

    @Override
    public void onError(Throwable error) {
      failed = true;
    }

    @Override
    public void onComplete() {
      complete = true;
    }

    byte[] result() {
      if (complete && !failed) {
        return bytes.toByteArray();
      }
      if (subscription != null) {
        subscription.cancel();
      }
      return null;
    }
  }
}
