package dev.warden.agent.telemetry;

import static dev.warden.agent.telemetry.CallSpanTest.CHAT;
import static dev.warden.agent.telemetry.CallSpanTest.decision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.bootstrap.SdkFrame;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.identity.Caller;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The calls made inside one SDK-level operation ({@link SdkFrame}) share its span. */
class OperationSpanTest {

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
  private final Tracer tracer = provider.get("test");
  private static final Caller NOBODY = new Caller(null, List.of());
  private static final Decision ALLOW = decision(Decision.Kind.ALLOW, null, null, List.of(), null);

  @AfterEach
  void close() {
    provider.close();
  }

  private CallSpan call() {
    return CallSpan.start(tracer, "api.openai.com", 443, CHAT, ALLOW, NOBODY, null);
  }

  @Test
  void aRetryAndATurnShareOneSpanNamedForTheFramework() {
    SdkFrame frame = SdkFrame.enter("spring-ai");
    call().endResponse(503, ResponseSummary.empty(), null);
    call().endResponse(200, new ResponseSummary("gpt-4o-mini", 10L, 3L, List.of("tool_calls"), true), null);
    call().endResponse(200, new ResponseSummary("gpt-4o-mini", 20L, 5L, List.of("stop"), true), null);
    assertThat(exported.getFinishedSpanItems()).as("open until the operation returns").isEmpty();
    SdkFrame.exit(frame);

    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(exported.getFinishedSpanItems()).hasSize(1);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("warden.framework"))).isEqualTo("spring-ai");
    assertThat(span.getAttributes().get(AttributeKey.longKey("warden.attempts"))).isEqualTo(3L);
    assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(30L);
    assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(8L);
    assertThat(span.getStatus().getStatusCode()).as("the retry succeeded").isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isNull();
    assertThat(span.getEvents()).extracting(event -> event.getName()).containsExactly("warden.attempt", "warden.attempt");
  }

  @Test
  void theOperationFailsWhenItsLastAttemptDid() {
    SdkFrame frame = SdkFrame.enter("openai-java");
    call().endResponse(200, ResponseSummary.empty(), null);
    call().endFailed(new IOException("reset"));
    SdkFrame.exit(frame);

    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.io.IOException");
  }

  @Test
  void aStreamHandedOutEndsTheSpanWhenItEndsAfterTheMethodReturned() {
    SdkFrame frame = SdkFrame.enter("openai-java");
    CallSpan stream = call();
    SdkFrame.exit(frame);
    assertThat(exported.getFinishedSpanItems()).isEmpty();

    stream.endResponse(200, ResponseSummary.empty(), null);
    assertThat(exported.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void anInnerFrameLeavesTheOperationToTheOuterOne() {
    SdkFrame outer = SdkFrame.enter("spring-ai");
    Object inner = SdkFrame.enter("openai-java");
    assertThat(inner).isNull();
    call().endResponse(200, ResponseSummary.empty(), null);
    SdkFrame.exit(inner);
    assertThat(SdkFrame.current()).isSameAs(outer);
    SdkFrame.exit(outer);

    assertThat(exported.getFinishedSpanItems()).singleElement()
        .satisfies(span -> assertThat(span.getAttributes().get(AttributeKey.stringKey("warden.framework")))
            .isEqualTo("spring-ai"));
    assertThat(SdkFrame.current()).isNull();
  }

  @Test
  void callsOutsideAFrameAndFramesWithoutCallsKeepTheirOwnSpans() {
    SdkFrame.exit(SdkFrame.enter("langchain4j"));
    call().endResponse(200, ResponseSummary.empty(), null);
    call().endResponse(200, ResponseSummary.empty(), null);

    assertThat(exported.getFinishedSpanItems()).hasSize(2)
        .allSatisfy(span -> assertThat(span.getAttributes().get(AttributeKey.stringKey("warden.framework"))).isNull());
  }
}
