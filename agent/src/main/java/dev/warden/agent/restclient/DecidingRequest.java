package dev.warden.agent.restclient;

import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request to an LLM endpoint that holds what the application writes and, when executed, has the
 * call decided: a block is answered without the network, otherwise the factory's own request is
 * sent with the decided body and headers (the real key in place of a virtual one), and its
 * response read through Warden. The application never holds the request that carries the real key.
 */
public final class DecidingRequest extends AbstractClientHttpRequest {

  private final ClientHttpRequest delegate;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

  DecidingRequest(ClientHttpRequest delegate) {
    this.delegate = delegate;
  }

  @Override
  public HttpMethod getMethod() {
    return delegate.getMethod();
  }

  @Override
  public URI getURI() {
    return delegate.getURI();
  }

  @Override
  protected OutputStream getBodyInternal(HttpHeaders headers) {
    return body;
  }

  @Override
  protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
    byte[] written = body.toByteArray();
    WireCall call = WardenBridge.onRequest(getMethod().name(), getURI().toString(), toMap(headers), written);
    if (call != null && call.blocked()) {
      return DecidedResponse.blocked(call);
    }
    byte[] toSend = call == null || call.requestBody() == null ? written : call.requestBody();
    HttpHeaders outgoing = delegate.getHeaders();
    headers.forEach(outgoing::addAll);
    if (call != null) {
      for (Map.Entry<String, String> header : call.headers().entrySet()) {
        outgoing.set(header.getKey(), header.getValue());
      }
    }
    delegate.getAttributes().putAll(getAttributes());
    if (toSend.length > 0) {
      // the decided body may differ in length from the one the application declared
      outgoing.setContentLength(toSend.length);
      delegate.getBody().write(toSend);
    }
    ClientHttpResponse response;
    try {
      response = delegate.execute();
    } catch (IOException | RuntimeException e) {
      if (call != null) {
        call.onFailure(e);
      }
      throw e;
    }
    return call == null ? response : DecidedResponse.seen(response, call);
  }

  static Map<String, List<String>> toMap(HttpHeaders headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    headers.forEach((name, values) -> map.put(name, new ArrayList<>(values)));
    return map;
  }
}
