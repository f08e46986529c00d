package dev.warden.agent.restclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.glue.FakeWireCall;
import dev.warden.agent.glue.FakeWireHook;
import dev.warden.bootstrap.WardenBridge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/** The request glue driven without an agent: a fake decision and a factory request that records what it sent. */
class DecidingRequestTest {

  private final FakeWireHook hook = new FakeWireHook();
  private final WireRequest wire = new WireRequest();

  @BeforeEach
  void install() {
    WardenBridge.install(hook);
  }

  @AfterEach
  void uninstall() {
    WardenBridge.install(null);
  }

  @Test
  void sendsTheDecidedBodyAndKeyAndHandsBackTheRewrittenResponse() throws IOException {
    hook.call = new FakeWireCall(false, "{\"rewritten\":true}", "restored");

    ClientHttpResponse response = execute(wrapped(), "{\"original\":true}");

    assertThat(hook.seenBody).isEqualTo("{\"original\":true}");
    assertThat(hook.seenHeaders.get("Authorization")).containsExactly("Bearer wdn_virtual");
    assertThat(wire.sent.toString(StandardCharsets.UTF_8)).isEqualTo("{\"rewritten\":true}");
    assertThat(wire.getHeaders().get("Authorization")).containsExactly("Bearer sk-real");
    assertThat(wire.getHeaders().getContentLength()).isEqualTo(18);
    assertThat(response.getHeaders().containsKey(HttpHeaders.CONTENT_LENGTH)).isFalse();
    assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("restored");
    assertThat(hook.call.seenResponse).isEqualTo("{\"echo\":1}");
  }

  @Test
  void aBlockedCallIsAnsweredWithoutTheNetwork() throws IOException {
    hook.call = new FakeWireCall(true, null, null);

    ClientHttpResponse response = execute(wrapped(), "{}");

    assertThat(wire.executed).isFalse();
    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getStatusText()).isEqualTo("Forbidden");
    assertThat(response.getHeaders().getFirst("x-warden-decision")).startsWith("blocked");
    assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).contains("model_not_allowed");
  }

  @Test
  void aTransportFailureIsReportedAndRethrown() {
    hook.call = new FakeWireCall(false, null, null);
    wire.failure = new IOException("connection refused");

    assertThatThrownBy(() -> execute(wrapped(), "{}")).isSameAs(wire.failure);
    assertThat(hook.call.failure).isSameAs(wire.failure);
  }

  @Test
  void otherEndpointsAreNotWrapped() {
    hook.llm = false;

    assertThat(new WardenRequestGlue().wrap(wire)).isSameAs(wire);
  }

  private ClientHttpRequest wrapped() {
    return (ClientHttpRequest) new WardenRequestGlue().wrap(wire);
  }

  /** What RestClient does: set the headers, write the body, execute. */
  private static ClientHttpResponse execute(ClientHttpRequest request, String body) throws IOException {
    request.getHeaders().set("Authorization", "Bearer wdn_virtual");
    request.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    request.getBody().write(body.getBytes(StandardCharsets.UTF_8));
    return request.execute();
  }

  /** The factory's request: records what is sent, answers {"echo":1}. */
  private static final class WireRequest extends AbstractClientHttpRequest {
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    boolean executed;
    IOException failure;

    @Override public HttpMethod getMethod() { return HttpMethod.POST; }
    @Override public URI getURI() { return URI.create("http://127.0.0.1:9/v1/chat/completions"); }
    @Override protected OutputStream getBodyInternal(HttpHeaders headers) { return sent; }

    @Override
    protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
      if (failure != null) {
        throw failure;
      }
      executed = true;
      return new JsonResponse();
    }
  }

  private static final class JsonResponse implements ClientHttpResponse {
    private final HttpHeaders headers = new HttpHeaders();

    JsonResponse() {
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setContentLength(10);
    }

    @Override public HttpStatusCode getStatusCode() { return HttpStatusCode.valueOf(200); }
    @Override public String getStatusText() { return "OK"; }
    @Override public HttpHeaders getHeaders() { return headers; }
    @Override public InputStream getBody() { return new ByteArrayInputStream("{\"echo\":1}".getBytes(StandardCharsets.UTF_8)); }
    @Override public void close() {}
  }
}
