package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WireCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSession;

/**
 * A JDK HttpClient response whose completion Warden withheld after the body was read: the status
 * and headers of the block answer, the body the application's handler already made of the block
 * error that {@link RewritingBodyHandler} fed it. Only possible for handlers that complete after
 * the body (ofString, ofByteArray: LangChain4j's sync calls); a handler that completes at the
 * headers (ofInputStream, used for streams) keeps the provider's status and reads the error in
 * the body.
 */
final class WithheldResponse<T> implements HttpResponse<T> {

  private final HttpResponse<T> response;
  private final int status;
  private final HttpHeaders headers;

  private WithheldResponse(HttpResponse<T> response, int status, HttpHeaders headers) {
    this.response = response;
    this.status = status;
    this.headers = headers;
  }

  /**
   * {@code sent}, with a response that {@code handler} saw withheld before it made the body turned
   * into the block answer.
   */
  static CompletableFuture<?> onceRead(CompletableFuture<?> sent, WireCall call, RewritingBodyHandler<?> handler) {
    try {
      return sent.thenApply(response -> response instanceof HttpResponse<?> http && handler.withheldWithBody()
          ? withheld(http, call)
          : response);
    } catch (RuntimeException e) {
      WardenBridge.logOnce(e);
      return sent;
    }
  }

  private static <T> HttpResponse<T> withheld(HttpResponse<T> response, WireCall call) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    call.blockHeaders().forEach((name, value) -> map.put(name, List.of(value)));
    return new WithheldResponse<>(response, call.blockStatus(), HttpHeaders.of(map, (name, value) -> true));
  }

  @Override public int statusCode() { return status; }
  @Override public HttpRequest request() { return response.request(); }
  @Override public Optional<HttpResponse<T>> previousResponse() { return response.previousResponse(); }
  @Override public HttpHeaders headers() { return headers; }
  @Override public T body() { return response.body(); }
  @Override public Optional<SSLSession> sslSession() { return response.sslSession(); }
  @Override public URI uri() { return response.uri(); }
  @Override public HttpClient.Version version() { return response.version(); }
}
