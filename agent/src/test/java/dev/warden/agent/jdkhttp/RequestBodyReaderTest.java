package dev.warden.agent.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class RequestBodyReaderTest {

  private static final URI URI_ = URI.create("http://127.0.0.1:1/v1/chat/completions");

  @Test
  void readsInMemoryPublishers() {
    String json = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"héllo\"}]}";
    HttpRequest request = HttpRequest.newBuilder(URI_).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    assertThat(new String(RequestBodyReader.read(request), StandardCharsets.UTF_8)).isEqualTo(json);

    HttpRequest fromStream = HttpRequest.newBuilder(URI_)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .build();
    assertThat(new String(RequestBodyReader.read(fromStream), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void noBodyIsEmpty() {
    assertThat(RequestBodyReader.read(HttpRequest.newBuilder(URI_).GET().build())).isEmpty();
  }

  @Test
  void waitsForAPublisherThatDeliversOnAThreadOfItsOwn() {
    // as Spring's JdkClientHttpRequest does: the body is written on its executor
    byte[] json = "{\"model\":\"gpt-4o-mini\"}".getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI_).POST(new HttpRequest.BodyPublisher() {
      @Override public long contentLength() { return -1; }
      @Override public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Flow.Subscription() {
          @Override public void request(long n) {
            Thread writer = new Thread(() -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              subscriber.onNext(ByteBuffer.wrap(json, 0, 5));
              subscriber.onNext(ByteBuffer.wrap(json, 5, json.length - 5));
              subscriber.onComplete();
            });
            writer.start();
          }
          @Override public void cancel() {}
        });
      }
    }).build();
    assertThat(RequestBodyReader.read(request)).isEqualTo(json);
  }

  @Test
  void aPublisherThatDoesNotDeliverInTimeIsUnreadable() {
    HttpRequest request = HttpRequest.newBuilder(URI_).POST(new HttpRequest.BodyPublisher() {
      @Override public long contentLength() { return 10; }
      @Override public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Flow.Subscription() {
          @Override public void request(long n) {}
          @Override public void cancel() {}
        });
      }
    }).build();
    assertThat(RequestBodyReader.read(request, Duration.ofMillis(50))).isNull();
  }

  @Test
  void aBodyOverTheLimitIsUnreadable() {
    HttpRequest request = HttpRequest.newBuilder(URI_)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[RequestBodyReader.MAX_BYTES + 1])).build();
    assertThat(RequestBodyReader.read(request)).isNull();
  }
}
