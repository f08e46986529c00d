package dev.warden.agent.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.glue.FakeWireCall;
import dev.warden.agent.glue.FakeWireHook;
import dev.warden.bootstrap.WardenBridge;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The connector glue driven without an agent: a fake decision and a connector that records what it sent. */
class WardenConnectorGlueTest {

  private static final URI LLM = URI.create("http://127.0.0.1:9/v1/chat/completions");

  private final FakeWireHook hook = new FakeWireHook();
  private final RecordingConnector connector = new RecordingConnector();
  private final WardenConnectorGlue glue = new WardenConnectorGlue();

  @BeforeEach
  void install() {
    WardenBridge.install(hook);
  }

  @AfterEach
  void uninstall() {
    WardenBridge.install(null);
  }

  @Test
  void sendsTheDecidedBodyAndKeyAndHandsBackTheRewrittenResponse() {
    hook.call = new FakeWireCall(false, "{\"rewritten\":true}", "restored");

    ClientHttpResponse response = connect("{\"original\":true}").block();

    assertThat(hook.seenBody).isEqualTo("{\"original\":true}");
    assertThat(hook.seenHeaders.get("Authorization")).containsExactly("Bearer wdn_virtual");
    CapturedRequest wire = connector.sent.get(0);
    assertThat(text(wire.body())).isEqualTo("{\"rewritten\":true}");
    assertThat(wire.getHeaders().get("Authorization")).containsExactly("Bearer sk-real");
    assertThat(wire.getHeaders().getContentLength()).isEqualTo(18);
    assertThat(wire.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().containsKey(HttpHeaders.CONTENT_LENGTH)).isFalse();
    assertThat(body(response)).isEqualTo("restored");
    assertThat(hook.call.seenResponse).isEqualTo("{\"echo\":1}");
  }

  @Test
  void aBlockedCallIsAnsweredWithoutConnecting() {
    hook.call = new FakeWireCall(true, null, null);

    ClientHttpResponse response = connect("{\"original\":true}").block();

    assertThat(connector.sent).isEmpty();
    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getHeaders().getFirst("x-warden-decision")).startsWith("blocked");
    assertThat(body(response)).isEqualTo("{\"error\":{\"code\":\"model_not_allowed\"}}");
  }

  @Test
  void aCallWardenLetsPassIsSentAsWritten() {
    hook.call = null;

    ClientHttpResponse response = connect("{\"original\":true}").block();

    assertThat(text(connector.sent.get(0).body())).isEqualTo("{\"original\":true}");
    assertThat(connector.sent.get(0).getHeaders().get("Authorization")).containsExactly("Bearer wdn_virtual");
    assertThat(body(response)).isEqualTo("{\"echo\":1}");
  }

  @Test
  void aTransportFailureIsReported() {
    hook.call = new FakeWireCall(false, null, null);
    connector.failure = new IOException("connection refused");

    assertThat(connect("{}").onErrorResume(e -> Mono.empty()).block()).isNull();
    assertThat(hook.call.failure).isSameAs(connector.failure);
  }

  @Test
  void aCallerThatGivesUpBeforeTheResponseEndsTheCall() throws InterruptedException {
    hook.call = new FakeWireCall(false, null, null);
    connector.silent = true;

    Disposable subscription = connect("{}").subscribe();
    for (int waited = 0; !connector.waiting && waited < 500; waited++) {
      Thread.sleep(10); // the decision runs on another thread
    }
    subscription.dispose();

    assertThat(connector.sent).hasSize(1);
    assertThat(hook.call.failure).isInstanceOf(CancellationException.class);
  }

  @Test
  void otherEndpointsAreNotTouched() {
    hook.llm = false;

    assertThat(glue.connect(connector, HttpMethod.GET, URI.create("http://127.0.0.1:9/health"), writing("{}")))
        .isNull();
  }

  @SuppressWarnings("unchecked")
  private Mono<ClientHttpResponse> connect(String body) {
    return (Mono<ClientHttpResponse>) glue.connect(connector, HttpMethod.POST, LLM, writing(body));
  }

  /** What WebClient's exchange does: set the headers, write the body. */
  private static Function<ClientHttpRequest, Mono<Void>> writing(String body) {
    return request -> {
      request.getHeaders().set("Authorization", "Bearer wdn_virtual");
      request.getHeaders().setContentType(MediaType.APPLICATION_JSON);
      return request.writeWith(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes(body))));
    };
  }

  private static String body(ClientHttpResponse response) {
    DataBuffer joined = DataBufferUtils.join(response.getBody()).block();
    try {
      byte[] bytes = new byte[joined.readableByteCount()];
      joined.read(bytes);
      return text(bytes);
    } finally {
      DataBufferUtils.release(joined);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A connector that runs the request callback on a recording request and answers {"echo":1}. */
  private static final class RecordingConnector implements ClientHttpConnector {
    final List<CapturedRequest> sent = new CopyOnWriteArrayList<>();
    IOException failure;
    boolean silent;
    volatile boolean waiting;

    @Override
    public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
        Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
      if (failure != null) {
        return Mono.error(failure);
      }
      CapturedRequest wire = new CapturedRequest(method, uri);
      sent.add(wire);
      Mono<ClientHttpResponse> answer = silent
          ? Mono.<ClientHttpResponse>never().doOnSubscribe(subscription -> waiting = true)
          : Mono.just(new JsonResponse("{\"echo\":1}"));
      return requestCallback.apply(wire).then(answer);
    }
  }

  private static final class JsonResponse implements ClientHttpResponse {
    private final byte[] body;
    private final HttpHeaders headers = new HttpHeaders();

    JsonResponse(String body) {
      this.body = bytes(body);
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setContentLength(this.body.length);
    }

    @Override public HttpStatusCode getStatusCode() { return HttpStatusCode.valueOf(200); }
    @Override public MultiValueMap<String, ResponseCookie> getCookies() { return new LinkedMultiValueMap<>(); }
    @Override public HttpHeaders getHeaders() { return headers; }
    @Override public Flux<DataBuffer> getBody() { return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)); }
  }
}
