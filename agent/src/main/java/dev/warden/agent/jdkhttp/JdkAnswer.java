package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.WireCall;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;

/**
 * A JDK HttpClient response made without the network: the synthetic answer to a blocked call,
 * fed through the application's own {@link HttpResponse.BodyHandler} so it gets the body type it
 * asked for.
 */
final class JdkAnswer {

  private JdkAnswer() {}

  static CompletableFuture<HttpResponse<Object>> of(
      HttpRequest request, HttpResponse.BodyHandler<?> handler, WireCall blocked) {
    Map<String, List<String>> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    blocked.blockHeaders().forEach((name, value) -> headerMap.put(name, List.of(value)));
    HttpHeaders headers = HttpHeaders.of(headerMap, (name, value) -> true);
    HttpClient.Version version = request.version().orElse(HttpClient.Version.HTTP_1_1);
    int status = blocked.blockStatus();
    HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
      @Override public int statusCode() { return status; }
      @Override public HttpHeaders headers() { return headers; }
      @Override public HttpClient.Version version() { return version; }
    };
    @SuppressWarnings("unchecked")
    HttpResponse.BodySubscriber<Object> subscriber =
        (HttpResponse.BodySubscriber<Object>) handler.apply(info);
    subscriber.onSubscribe(new OneShot(subscriber, blocked.blockBody()));
    return subscriber.getBody().toCompletableFuture()
        .thenApply(body -> new Answer(request, status, headers, version, body));
  }

  /** Delivers the whole body as one item on the first request, then completes. */
  private static final class OneShot implements Flow.Subscription {
    private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
    private byte[] body;

    OneShot(Flow.Subscriber<? super List<ByteBuffer>> subscriber, byte[] body) {
      this.subscriber = subscriber;
      this.body = body;
    }

    @Override
    public synchronized void request(long n) {
      if (body == null || n <= 0) {
        return;
      }
      List<ByteBuffer> item = new ArrayList<>(1);
      item.add(ByteBuffer.wrap(body));
      body = null;
      subscriber.onNext(item);
      subscriber.onComplete();
    }

    @Override
    public synchronized void cancel() {
      body = null;
    }
  }

  private static final class Answer implements HttpResponse<Object> {
    private final HttpRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final HttpClient.Version version;
    private final Object body;

    Answer(HttpRequest request, int status, HttpHeaders headers, HttpClient.Version version, Object body) {
      this.request = request;
      this.status = status;
      this.headers = headers;
      this.version = version;
      this.body = body;
    }

    @Override public int statusCode() { return status; }
    @Override public HttpRequest request() { return request; }
    @Override public Optional<HttpResponse<Object>> previousResponse() { return Optional.empty(); }
    @Override public HttpHeaders headers() { return headers; }
    @Override public Object body() { return body; }
    @Override public Optional<SSLSession> sslSession() { return Optional.empty(); }
    @Override public URI uri() { return request.uri(); }
    @Override public HttpClient.Version version() { return version; }
  }
}
