package dev.warden.agent.azure;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.FluxUtil;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A response whose body is what Warden hands the application: the provider's, read through
 * Warden (pseudonyms restored, usage recorded), or a block answer that never touched the network.
 * The body is a stream read once, as the SDK reads a response; reads block, so the reactive views
 * read on Reactor's bounded-elastic threads.
 */
public final class WardenAzureResponse extends HttpResponse {

  private final int status;
  private final HttpHeaders headers;
  private final InputStream body;
  private final HttpResponse replaced;

  private WardenAzureResponse(HttpRequest request, int status, HttpHeaders headers, InputStream body,
      HttpResponse replaced) {
    super(request);
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.replaced = replaced;
  }

  static WardenAzureResponse blocked(HttpRequest request, WireCall call) {
    HttpHeaders headers = new HttpHeaders();
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    return new WardenAzureResponse(request, call.blockStatus(), headers,
        new ByteArrayInputStream(call.blockBody()), null);
  }

  /** {@code response} with {@code body} in place of its own; its length may differ, so none is declared. */
  static WardenAzureResponse replacing(HttpResponse response, InputStream body) {
    HttpHeaders headers = new HttpHeaders();
    response.getHeaders().forEach(header -> {
      if (!header.getName().equalsIgnoreCase("Content-Length")) {
        headers.set(header.getName(), header.getValuesList());
      }
    });
    return new WardenAzureResponse(response.getRequest(), response.getStatusCode(), headers, body, response);
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  @SuppressWarnings("deprecation")
  public String getHeaderValue(String name) {
    return headers.getValue(name);
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return FluxUtil.toFluxByteBuffer(body).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromStream(body);
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.fromCallable(this::readAll).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<String> getBodyAsString() {
    return getBodyAsString(StandardCharsets.UTF_8);
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return getBodyAsByteArray().map(bytes -> new String(bytes, charset));
  }

  @Override
  public Mono<InputStream> getBodyAsInputStream() {
    return Mono.just(body);
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

  private byte[] readAll() {
    try (InputStream in = body) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
