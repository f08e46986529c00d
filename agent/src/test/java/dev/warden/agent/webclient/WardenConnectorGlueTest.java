package dev.warden.agent.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.BlockingClientGlue;
import dev.warden.bootstrap.JdkSend;
import dev.warden.bootstrap.ReactiveClientGlue;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WireCall;
import dev.warden.bootstrap.WireHook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The connector glue driven without an agent: a fake decision and a connector that records what it sent. */
class WardenConnectorGlueTest {

  private static final URI LLM = URI.create("http://127.0.0.1:9/v1/chat/completions");

  private final FakeHook hook = new FakeHook();
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
    hook.call = new FakeCall(false, "{\"rewritten\":true}", "restored");

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
    hook.call = new FakeCall(true, null, null);

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
    hook.call = new FakeCall(false, null, null);
    connector.failure = new IOException("connection refused");

    assertThat(connect("{}").onErrorResume(e -> Mono.empty()).block()).isNull();
    assertThat(hook.call.failure).isSameAs(connector.failure);
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
    final List<CapturedRequest> sent = new ArrayList<>();
    IOException failure;

    @Override
    public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
        Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
      if (failure != null) {
        return Mono.error(failure);
      }
      CapturedRequest wire = new CapturedRequest(method, uri);
      sent.add(wire);
      return requestCallback.apply(wire).then(Mono.just(new JsonResponse("{\"echo\":1}")));
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

  private static final class FakeHook implements WireHook {
    boolean llm = true;
    FakeCall call;
    String seenBody;
    Map<String, List<String>> seenHeaders;

    @Override
    public boolean isLlmEndpoint(String method, String host, int port, String path, boolean sdkHook) {
      return llm;
    }

    @Override
    public WireCall onRequest(String method, String url, Map<String, List<String>> headers, byte[] body,
        boolean sdkHook) {
      seenBody = text(body);
      seenHeaders = headers;
      return call;
    }

    @Override public Object okHttpInterceptor(ClassLoader loader) { return null; }
    @Override public Object azurePolicy(ClassLoader loader) { return null; }
    @Override public Object awsInterceptor(ClassLoader loader) { return null; }
    @Override public JdkSend onJdkSend(Object request, Object handler) { return null; }
    @Override public BlockingClientGlue blockingClientGlue(ClassLoader loader) { return null; }
    @Override public ReactiveClientGlue reactiveClientGlue(ClassLoader loader) { return null; }
    @Override public boolean failClosed() { return false; }
  }

  private static final class FakeCall implements WireCall {
    final boolean blocked;
    final String sent;
    final String restored;
    String seenResponse;
    Throwable failure;

    FakeCall(boolean blocked, String sent, String restored) {
      this.blocked = blocked;
      this.sent = sent;
      this.restored = restored;
    }

    @Override public boolean blocked() { return blocked; }
    @Override public int blockStatus() { return 403; }
    @Override public Map<String, String> blockHeaders() { return Map.of("x-warden-decision", "blocked; rule=model"); }
    @Override public byte[] blockBody() { return bytes("{\"error\":{\"code\":\"model_not_allowed\"}}"); }
    @Override public byte[] requestBody() { return sent == null ? null : bytes(sent); }
    @Override public Map<String, String> headers() { return Map.of("Authorization", "Bearer sk-real"); }
    @Override public boolean rewritesResponse() { return restored != null; }
    @Override public void onFailure(Throwable error) { failure = error; }

    @Override
    public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) {
      if (restored == null) {
        return body;
      }
      try (InputStream in = body) {
        seenResponse = text(in.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new ByteArrayInputStream(bytes(restored));
    }
  }
}
