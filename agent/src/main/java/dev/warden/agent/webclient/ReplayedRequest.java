package dev.warden.agent.webclient;

import dev.warden.bootstrap.WardenInterceptorMarker;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;
import reactor.core.publisher.Mono;

/**
 * The request callback Warden connects with once a call is decided: writes what the application's
 * callback wrote into the {@link CapturedRequest}, with the decided body and headers (the real key
 * in place of a virtual one). Its marker lets the hooked {@code connect} pass it untouched.
 */
public final class ReplayedRequest implements Function<ClientHttpRequest, Mono<Void>>, WardenInterceptorMarker {

  private final CapturedRequest captured;
  private final byte[] body;
  private final Map<String, String> headers;

  /**
   * @param body    the body to send, null for none
   * @param headers headers replacing the captured ones of the same name
   */
  ReplayedRequest(CapturedRequest captured, byte[] body, Map<String, String> headers) {
    this.captured = captured;
    this.body = body;
    this.headers = headers;
  }

  @Override
  public Mono<Void> apply(ClientHttpRequest request) {
    HttpHeaders outgoing = request.getHeaders();
    captured.getHeaders().forEach(outgoing::addAll);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      outgoing.set(header.getKey(), header.getValue());
    }
    request.getCookies().addAll(captured.getCookies());
    request.getAttributes().putAll(captured.getAttributes());
    if (body == null) {
      return request.setComplete();
    }
    // the decided body may differ in length from the one the application's callback declared
    outgoing.setContentLength(body.length);
    return request.writeWith(Mono.just(request.bufferFactory().wrap(body)));
  }
}
