package dev.warden.agent.webclient;

import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A response whose body is what Warden hands the application: the provider's, read through Warden
 * (pseudonyms restored, usage recorded), or a block answer that never touched the network. The
 * body is a stream read once, as the client reads a response; reads block, so they run on
 * Reactor's bounded-elastic threads.
 */
public final class WardenClientResponse implements ClientHttpResponse {

  private static final int CHUNK = 8192;

  private final HttpStatusCode status;
  private final HttpHeaders headers;
  private final MultiValueMap<String, ResponseCookie> cookies;
  private final InputStream body;

  private WardenClientResponse(HttpStatusCode status, HttpHeaders headers,
      MultiValueMap<String, ResponseCookie> cookies, InputStream body) {
    this.status = status;
    this.headers = headers;
    this.cookies = cookies;
    this.body = body;
  }

  static WardenClientResponse blocked(WireCall call) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      headers.set(header.getKey(), header.getValue()); // a cached stream is text/event-stream
    }
    byte[] answer = call.blockBody();
    headers.setContentLength(answer.length);
    return new WardenClientResponse(HttpStatusCode.valueOf(call.blockStatus()), headers,
        new LinkedMultiValueMap<>(), new ByteArrayInputStream(answer));
  }

  /** {@code response} with {@code body} in place of its own; its length may differ, so none is declared. */
  static WardenClientResponse replacing(ClientHttpResponse response, InputStream body) {
    HttpHeaders headers = new HttpHeaders();
    response.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
        headers.addAll(name, values);
      }
    });
    return new WardenClientResponse(response.getStatusCode(), headers, response.getCookies(), body);
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return status;
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public MultiValueMap<String, ResponseCookie> getCookies() {
    return cookies;
  }

  @Override
  public Flux<DataBuffer> getBody() {
    return DataBufferUtils.readInputStream(() -> body, DefaultDataBufferFactory.sharedInstance, CHUNK)
        .subscribeOn(Schedulers.boundedElastic());
  }
}
