package dev.warden.agent.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.WardenErrorCall;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

class ClassicExchangeTest {

  private final HttpPost request = new HttpPost("http://127.0.0.1:9/v1/chat/completions");

  ClassicExchangeTest() {
    request.setHeader("Authorization", "Bearer wdn_virtual");
    request.setEntity(new StringEntity("{\"original\":true}", ContentType.APPLICATION_JSON));
  }

  @Test
  void sendsTheDecidedBodyAndKeyThenPutsTheApplicationsRequestBack() throws Exception {
    HttpEntity original = request.getEntity();
    FakeCall call = new FakeCall(null);
    ClassicExchange exchange = ClassicExchange.sent(request, call, bytes("{\"rewritten\":true}"),
        Map.of("Authorization", "Bearer sk-real"));

    assertThat(EntityUtils.toString(request.getEntity())).isEqualTo("{\"rewritten\":true}");
    assertThat(request.getEntity().getContentType()).startsWith("application/json");
    assertThat(request.getFirstHeader("Authorization").getValue()).isEqualTo("Bearer sk-real");

    exchange.end(response("text/plain", "ok"), null);
    assertThat(request.getEntity()).isSameAs(original);
    assertThat(request.getHeaders("Authorization")).hasSize(1);
    assertThat(request.getFirstHeader("Authorization").getValue()).isEqualTo("Bearer wdn_virtual");
  }

  @Test
  void aFailedExecutionIsReportedAndTheRequestPutBack() {
    FakeCall call = new FakeCall(null);
    ClassicExchange exchange = ClassicExchange.sent(request, call, null, Map.of("Authorization", "Bearer sk-real"));
    IOException reset = new IOException("connection reset");

    assertThat(exchange.end(null, reset)).isNull();
    assertThat(call.failure).isSameAs(reset);
    assertThat(request.getFirstHeader("Authorization").getValue()).isEqualTo("Bearer wdn_virtual");
  }

  @Test
  void theApplicationReadsTheRewrittenStreamAsItArrives() throws Exception {
    FakeCall call = new FakeCall("data: {\"restored\":\"jane@example.com\"}\n\n");
    ClassicHttpResponse response = response("text/event-stream", "data: {\"restored\":\"<EMAIL_1>\"}\n\n");
    response.addHeader("Content-Length", "40");

    ClassicHttpResponse seen = (ClassicHttpResponse) ClassicExchange.sent(request, call, null, Map.of()).end(response, null);
    assertThat(seen).isSameAs(response);
    assertThat(seen.containsHeader("Content-Length")).as("the rewritten body has another length").isFalse();
    assertThat(seen.getEntity().getContentType()).isEqualTo("text/event-stream");
    assertThat(new InputStreamReader(seen.getEntity().getContent(), StandardCharsets.UTF_8).read())
        .as("readable before the stream ends").isEqualTo('d');
    assertThat(call.status).isEqualTo(200);
  }

  @Test
  void aWithheldCompletionIsAnsweredWithTheBlockStatus() throws Exception {
    FakeCall call = new FakeCall("{\"error\":\"withheld\"}");
    call.withhold = true;

    ClassicHttpResponse seen = (ClassicHttpResponse) ClassicExchange.sent(request, call, null, Map.of())
        .end(response("application/json", "{\"leaked\":true}"), null);
    assertThat(seen.getCode()).isEqualTo(403);
    assertThat(seen.getFirstHeader("x-warden-decision").getValue()).isEqualTo("blocked; rule=error");
    assertThat(EntityUtils.toString(seen.getEntity())).isEqualTo(new String(WardenErrorCall.BODY, StandardCharsets.UTF_8));
  }

  @Test
  void theCallSeesTheEncodingOfTheBodyItReadsNotTheProvidersHeader() {
    // HttpClient 5.6 decompresses inside its chain and keeps the provider's Content-Encoding header
    FakeCall call = new FakeCall(null);
    ClassicHttpResponse response = response("application/json", "{}");
    response.addHeader("Content-Encoding", "gzip");

    ClassicExchange.sent(request, call, null, Map.of()).end(response, null);
    assertThat(call.headers).doesNotContainKey("Content-Encoding").containsKey("content-type");
  }

  @Test
  void aBlockedCallIsAnsweredWithoutTheNetwork() throws Exception {
    CloseableHttpResponse answer = (CloseableHttpResponse) ClassicExchange.answered(WardenErrorCall.INSTANCE).answer();
    assertThat(answer.getCode()).isEqualTo(403);
    assertThat(answer.getFirstHeader("x-warden-decision").getValue()).isEqualTo("blocked; rule=error");
    assertThat(answer.getEntity().getContentType()).startsWith("application/json");
    assertThat(EntityUtils.toByteArray(answer.getEntity())).isEqualTo(WardenErrorCall.BODY);
  }

  private static ClassicHttpResponse response(String contentType, String body) {
    BasicClassicHttpResponse response = new BasicClassicHttpResponse(200, "OK");
    response.addHeader("Content-Type", contentType);
    response.setEntity(new InputStreamEntity(new ByteArrayInputStream(bytes(body)), -1, ContentType.parse(contentType)));
    return response;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A decided call that answers {@code rewritten} as the response body (null: the provider's body as is). */
  private static final class FakeCall implements WireCall {
    final String rewritten;
    boolean withhold;
    Throwable failure;
    int status;
    Map<String, List<String>> headers;

    FakeCall(String rewritten) {
      this.rewritten = rewritten;
    }

    @Override public boolean blocked() { return false; }
    @Override public int blockStatus() { return WardenErrorCall.INSTANCE.blockStatus(); }
    @Override public Map<String, String> blockHeaders() { return WardenErrorCall.INSTANCE.blockHeaders(); }
    @Override public byte[] blockBody() { return WardenErrorCall.INSTANCE.blockBody(); }
    @Override public byte[] requestBody() { return null; }
    @Override public Map<String, String> headers() { return Map.of(); }
    @Override public boolean rewritesResponse() { return rewritten != null; }
    @Override public boolean mayWithholdResponse() { return withhold; }
    @Override public boolean responseWithheld() { return withhold; }
    @Override public void onFailure(Throwable error) { failure = error; }

    @Override
    public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) {
      this.status = status;
      this.headers = headers;
      return rewritten == null ? body : new ByteArrayInputStream(bytes(withhold ? new String(blockBody(), StandardCharsets.UTF_8) : rewritten));
    }
  }
}
