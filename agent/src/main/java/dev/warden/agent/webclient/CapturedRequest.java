package dev.warden.agent.webclient;

import java.net.URI;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The request the application's callback writes before anything is connected: its headers,
 * cookies, attributes and whole body are kept, so the call is decided on what would leave and
 * then sent by {@link ReplayedRequest}, or answered without the network. There is no native
 * Reactor Netty request yet: {@link #getNativeRequest()} is null.
 */
public final class CapturedRequest extends AbstractClientHttpRequest {

  private final HttpMethod method;
  private final URI uri;
  private byte[] body;

  CapturedRequest(HttpMethod method, URI uri) {
    this.method = method;
    this.uri = uri;
  }

  /** The body written, or null when the callback completed the request without one. */
  byte[] body() {
    return body;
  }

  @Override
  public HttpMethod getMethod() {
    return method;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public <T> T getNativeRequest() {
    return null;
  }

  @Override
  public DataBufferFactory bufferFactory() {
    return DefaultDataBufferFactory.sharedInstance;
  }

  @Override
  public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
    return doCommit(() -> DataBufferUtils.join(body).doOnNext(this::keep).then());
  }

  @Override
  public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
    return writeWith(Flux.from(body).concatMap(Flux::from));
  }

  @Override
  public Mono<Void> setComplete() {
    return doCommit();
  }

  @Override
  protected void applyHeaders() {
    // kept here until the replay copies them onto the real request
  }

  @Override
  protected void applyCookies() {
    // likewise
  }

  private void keep(DataBuffer joined) {
    try {
      byte[] bytes = new byte[joined.readableByteCount()];
      joined.read(bytes);
      body = bytes;
    } finally {
      DataBufferUtils.release(joined);
    }
  }
}
