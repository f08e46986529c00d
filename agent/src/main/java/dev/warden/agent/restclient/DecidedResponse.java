package dev.warden.agent.restclient;

import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A response whose body is what Warden hands the application: the provider's, read through Warden
 * (pseudonyms restored, usage recorded), or a block answer that never touched the network.
 */
public final class DecidedResponse implements ClientHttpResponse {

  private final HttpStatusCode status;
  private final HttpHeaders headers;
  private final InputStream body;
  private final ClientHttpResponse replaced;

  private DecidedResponse(HttpStatusCode status, HttpHeaders headers, InputStream body, ClientHttpResponse replaced) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.replaced = replaced;
  }

  static DecidedResponse blocked(WireCall call) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      headers.set(header.getKey(), header.getValue()); // a cached stream is text/event-stream
    }
    byte[] answer = call.blockBody();
    headers.setContentLength(answer.length);
    return new DecidedResponse(HttpStatusCode.valueOf(call.blockStatus()), headers, new ByteArrayInputStream(answer),
        null);
  }

  /** {@code response} as the call sees it: the body read through Warden, or withheld. */
  static ClientHttpResponse seen(ClientHttpResponse response, WireCall call) throws IOException {
    InputStream original = response.getBody();
    InputStream seen = call.onResponse(response.getStatusCode().value(), DecidingRequest.toMap(response.getHeaders()),
        original);
    if (seen == original) {
      return response;
    }
    byte[] whole = call.readWholeIfWithholdable(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), seen);
    if (whole != null) {
      if (call.responseWithheld()) {
        response.close();
        return blocked(call);
      }
      seen = new ByteArrayInputStream(whole);
    }
    HttpHeaders headers = new HttpHeaders();
    response.getHeaders().forEach((name, values) -> {
      // a rewritten body may differ in length from what the provider declared
      if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
        headers.addAll(name, values);
      }
    });
    return new DecidedResponse(response.getStatusCode(), headers, seen, response);
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return status;
  }

  @Override
  public String getStatusText() {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "" : known.getReasonPhrase();
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public InputStream getBody() {
    return body;
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // nothing left to release: the provider's response is closed next
    }
    if (replaced != null) {
      replaced.close();
    }
  }
}
