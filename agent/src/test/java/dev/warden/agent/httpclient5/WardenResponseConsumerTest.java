package dev.warden.agent.httpclient5;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ResponseFilter;
import dev.warden.bootstrap.WireCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.Test;

/** The async glue's response side, driven as HttpClient's I/O reactor drives a consumer. */
class WardenResponseConsumerTest {

  private final SimpleHttpRequest request = SimpleRequestBuilder.post("http://127.0.0.1:9/v1/chat/completions")
      .setHeader("Authorization", "Bearer wdn_virtual").build();
  private final AtomicReference<SimpleHttpResponse> result = new AtomicReference<>();

  @Test
  void eachPushedPieceGoesThroughTheFilterAndTheKeyIsPutBackAtTheEnd() throws Exception {
    FakeCall call = new FakeCall();
    WireHeaders sent = WireHeaders.set(request, Map.of("Authorization", "Bearer sk-real"));
    WardenResponseConsumer<SimpleHttpResponse> consumer =
        new WardenResponseConsumer<>(SimpleResponseConsumer.create(), call, sent);
    BasicHttpResponse response = new BasicHttpResponse(200);
    response.addHeader("Content-Length", "14");

    consumer.consumeResponse(response, new BasicEntityDetails(14, ContentType.create("text/event-stream")),
        HttpCoreContext.create(), callback());
    consumer.consume(ByteBuffer.wrap("data: <e>\n".getBytes(UTF_8)));
    consumer.consume(ByteBuffer.wrap("\n".getBytes(UTF_8)));
    consumer.streamEnd(null);
    consumer.releaseResources();

    assertThat(result.get().getBodyText()).isEqualTo("DATA: <E>\n\n[end]");
    assertThat(result.get().containsHeader("Content-Length")).as("the rewritten body has another length").isFalse();
    assertThat(call.ended).isTrue();
    assertThat(request.getFirstHeader("Authorization").getValue()).isEqualTo("Bearer wdn_virtual");
  }

  @Test
  void aCompletionThatMayBeWithheldIsHeldAndAWithheldOneGetsTheBlockStatus() throws Exception {
    FakeCall call = new FakeCall();
    call.mayWithhold = true;
    WardenResponseConsumer<SimpleHttpResponse> consumer = new WardenResponseConsumer<>(SimpleResponseConsumer.create(),
        call, WireHeaders.set(request, Map.of()));

    consumer.consumeResponse(new BasicHttpResponse(200), new BasicEntityDetails(2, ContentType.APPLICATION_JSON),
        HttpCoreContext.create(), callback());
    assertThat(result.get()).as("held until the body ends").isNull();
    call.withheld = true;
    consumer.consume(ByteBuffer.wrap("{}".getBytes(UTF_8)));
    consumer.streamEnd(null);

    assertThat(result.get().getCode()).isEqualTo(403);
    assertThat(result.get().getBodyText()).isEqualTo("{\"error\":\"withheld\"}");
    assertThat(result.get().getFirstHeader("x-warden-decision").getValue()).isEqualTo("blocked; rule=canary");
  }

  @Test
  void aFailureBeforeAnyResponseIsTheCallsFailure() {
    FakeCall call = new FakeCall();
    WardenResponseConsumer<SimpleHttpResponse> consumer = new WardenResponseConsumer<>(SimpleResponseConsumer.create(),
        call, WireHeaders.set(request, Map.of("Authorization", "Bearer sk-real")));
    IOException refused = new IOException("connection refused");

    consumer.failed(refused);

    assertThat(call.failure).isSameAs(refused);
    assertThat(request.getFirstHeader("Authorization").getValue()).isEqualTo("Bearer wdn_virtual");
  }

  @Test
  void aBlockedCallIsAnsweredThroughTheApplicationsConsumerWithoutAConnection() throws Exception {
    FakeCall call = new FakeCall();
    Future<SimpleHttpResponse> future = AsyncAnswers.answer(call, SimpleResponseConsumer.create(), null, callback());

    assertThat(future.isDone()).isTrue();
    assertThat(future.get().getCode()).isEqualTo(403);
    assertThat(future.get().getBodyText()).isEqualTo("{\"error\":\"withheld\"}");
    assertThat(result.get()).as("the application's callback").isSameAs(future.get());
  }

  private FutureCallback<SimpleHttpResponse> callback() {
    return new FutureCallback<>() {
      @Override public void completed(SimpleHttpResponse response) { result.set(response); }
      @Override public void failed(Exception error) {}
      @Override public void cancelled() {}
    };
  }

  /** Upper-cases what it is fed, ends with "[end]"; blocks with 403 and a canary decision. */
  private static final class FakeCall implements WireCall {
    boolean mayWithhold;
    boolean withheld;
    boolean ended;
    Throwable failure;

    @Override public boolean blocked() { return true; }
    @Override public int blockStatus() { return 403; }
    @Override public Map<String, String> blockHeaders() {
      return Map.of("content-type", "application/json", "x-warden-decision", "blocked; rule=canary");
    }
    @Override public byte[] blockBody() { return "{\"error\":\"withheld\"}".getBytes(UTF_8); }
    @Override public byte[] requestBody() { return null; }
    @Override public Map<String, String> headers() { return Map.of(); }
    @Override public boolean rewritesResponse() { return true; }
    @Override public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) {
      return body;
    }
    @Override public boolean mayWithholdResponse() { return mayWithhold; }
    @Override public boolean responseWithheld() { return withheld; }
    @Override public void onFailure(Throwable error) { failure = error; }

    @Override
    public ResponseFilter filterResponse(int status, Map<String, List<String>> headers) {
      return new ResponseFilter() {
        @Override
        public byte[] onBytes(ByteBuffer bytes) {
          byte[] copy = new byte[bytes.remaining()];
          bytes.duplicate().get(copy);
          return new String(copy, UTF_8).toUpperCase().getBytes(UTF_8);
        }

        @Override
        public byte[] onEnd() {
          ended = true;
          return "[end]".getBytes(UTF_8);
        }
      };
    }
  }
}
