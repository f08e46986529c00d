package dev.warden.agent.webclient;

import dev.warden.agent.glue.ReactiveBodyStream;
import dev.warden.bootstrap.ReactiveClientGlue;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Warden in Spring's reactive connector: the application's request callback writes into a
 * {@link CapturedRequest}, the call is decided on what it wrote (off the event loop), and then
 * either answered without connecting or sent through the connector with the decided body and
 * headers, its response read through Warden. Glue only, defined next to the application's
 * spring-web by {@link dev.warden.agent.glue.LibraryGlue}: it may reference only spring-web,
 * spring-core, Reactor, the JDK, the bridge and its fellow glue classes.
 */
public final class WardenConnectorGlue implements ReactiveClientGlue {

  @Override
  public Object connect(Object connector, Object method, URI uri, Object requestCallback) {
    HttpMethod httpMethod = (HttpMethod) method;
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    if (!WardenBridge.isLlmEndpoint(httpMethod.name(), uri.getHost(), port, uri.getRawPath())) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Function<? super ClientHttpRequest, Mono<Void>> callback =
        (Function<? super ClientHttpRequest, Mono<Void>>) requestCallback;
    ClientHttpConnector target = (ClientHttpConnector) connector;
    return Mono.defer(() -> {
      CapturedRequest captured = new CapturedRequest(httpMethod, uri);
      return callback.apply(captured)
          // deciding may wait for the policy's first load: never on a Netty event loop
          .then(Mono.fromCallable(() -> decide(captured)).subscribeOn(Schedulers.boundedElastic()))
          .map(call -> send(target, captured, call))
          .defaultIfEmpty(Mono.defer(() -> target.connect(httpMethod, uri,
              new ReplayedRequest(captured, captured.body(), Map.of()))))
          .flatMap(response -> response);
    });
  }

  /** The decided call, or null (an empty publisher) when it passes untouched. */
  private static WireCall decide(CapturedRequest captured) {
    byte[] body = captured.body();
    return WardenBridge.onRequest(captured.getMethod().name(), captured.getURI().toString(),
        toMap(captured.getHeaders()), body == null ? new byte[0] : body);
  }

  private static Mono<ClientHttpResponse> send(ClientHttpConnector connector, CapturedRequest captured, WireCall call) {
    if (call.blocked()) {
      return Mono.just(WardenClientResponse.blocked(call));
    }
    // a decided call without a body of its own (Warden's error answer let through) sends what was written
    byte[] toSend = call.requestBody() == null ? captured.body() : call.requestBody();
    // the call ends once: with its response, its failure, or the caller giving up first (a timeout)
    AtomicBoolean ended = new AtomicBoolean();
    return connector.connect(captured.getMethod(), captured.getURI(), new ReplayedRequest(captured, toSend, call.headers()))
        .doOnError(error -> {
          if (ended.compareAndSet(false, true)) {
            call.onFailure(error);
          }
        })
        // reading the body blocks until the provider sends it: never on a Netty event loop
        .publishOn(Schedulers.boundedElastic())
        .map(response -> ended.compareAndSet(false, true) ? answer(response, call) : response)
        .doOnCancel(() -> {
          if (ended.compareAndSet(false, true)) {
            call.onFailure(new CancellationException("the caller cancelled before the response"));
          }
        });
  }

  private static ClientHttpResponse answer(ClientHttpResponse response, WireCall call) {
    InputStream body = new ReactiveBodyStream(response.getBody().map(WardenConnectorGlue::copied));
    InputStream seen = call.onResponse(response.getStatusCode().value(), toMap(response.getHeaders()), body);
    if (seen == body) {
      return response;
    }
    byte[] whole;
    try {
      whole = call.readWholeIfWithholdable(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), seen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (whole != null) {
      return call.responseWithheld()
          ? WardenClientResponse.blocked(call)
          : WardenClientResponse.replacing(response, new ByteArrayInputStream(whole));
    }
    return WardenClientResponse.replacing(response, seen);
  }

  /** The bytes of a pooled buffer, which is released here: Warden keeps none. */
  private static ByteBuffer copied(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return ByteBuffer.wrap(bytes);
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private static Map<String, List<String>> toMap(HttpHeaders headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    headers.forEach((name, values) -> map.put(name, new ArrayList<>(values)));
    return map;
  }
}
