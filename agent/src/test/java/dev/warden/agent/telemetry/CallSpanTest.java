package dev.warden.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.identity.Caller;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallSpanTest {

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
  private final Tracer tracer = provider.get("test");
  private static final ClassLoader APP = CallSpanTest.class.getClassLoader();

  @AfterEach
  void close() {
    provider.close();
  }

  static final Exchange CHAT = new Exchange("openai", "chat", "gpt-4o-mini", false, null, 256,
      List.of(new TextPart(0, "user", "mail ann@example.com")));

  static Decision decision(Decision.Kind kind, String rule, String code, List<Finding> findings, InjectionVerdict injection) {
    return new Decision(kind, true, rule, code, code == null ? 0 : 403, code, null, findings, "support-bot",
        "sha256:abc", null, injection, WireTerms.NONE, 0);
  }

  private SpanData only() {
    List<SpanData> spans = exported.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @Test
  void aForwardedCallHasTheGenAiAndWardenAttributesAndTheResponsesUsage() {
    Decision modified = decision(Decision.Kind.MODIFY, "pii", null, List.of(new Finding("pii", "EMAIL", 2),
        new Finding("pii", "PHONE", 1)), new InjectionVerdict(0.12, 0.7, false, List.of()));
    CallSpan span = CallSpan.start(tracer, "api.openai.com", 443, CHAT, modified, new Caller("alice", List.of()), APP);
    span.endResponse(200, new ResponseSummary("gpt-4o-mini-2024-07-18", 12L, 34L, List.of("stop"), true), null);
    span.endResponse(200, ResponseSummary.empty(), null);
    span.endFailed(new IOException("late"));

    SpanData data = only();
    assertThat(data.getName()).isEqualTo("chat gpt-4o-mini");
    assertThat(data.getKind()).isEqualTo(SpanKind.CLIENT);
    Map<AttributeKey<?>, Object> attributes = data.getAttributes().asMap();
    assertThat(attributes).containsEntry(AttributeKey.stringKey("gen_ai.operation.name"), "chat")
        .containsEntry(AttributeKey.stringKey("gen_ai.provider.name"), "openai")
        .containsEntry(AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o-mini")
        .containsEntry(AttributeKey.longKey("gen_ai.request.max_tokens"), 256L)
        .containsEntry(AttributeKey.stringKey("gen_ai.response.model"), "gpt-4o-mini-2024-07-18")
        .containsEntry(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12L)
        .containsEntry(AttributeKey.longKey("gen_ai.usage.output_tokens"), 34L)
        .containsEntry(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
        .containsEntry(AttributeKey.stringKey("server.address"), "api.openai.com")
        .containsEntry(AttributeKey.longKey("server.port"), 443L)
        .containsEntry(AttributeKey.stringKey("warden.decision"), "modify")
        .containsEntry(AttributeKey.stringKey("warden.rule"), "pii")
        .containsEntry(AttributeKey.longKey("warden.pii.count"), 3L)
        .containsEntry(AttributeKey.stringArrayKey("warden.pii.types"), List.of("EMAIL", "PHONE"))
        .containsEntry(AttributeKey.doubleKey("warden.injection.score"), 0.12)
        .containsEntry(AttributeKey.doubleKey("warden.injection.threshold"), 0.7)
        .containsEntry(AttributeKey.stringKey("warden.key.id"), "support-bot")
        .containsEntry(AttributeKey.stringKey("warden.principal"), "alice")
        .containsEntry(AttributeKey.stringKey("warden.policy.hash"), "sha256:abc")
        .containsEntry(AttributeKey.booleanKey("warden.cache.hit"), false)
        .doesNotContainKey(AttributeKey.stringKey("error.type"));
    assertThat(data.getAttributes().toString()).doesNotContain("ann@example.com");
    assertThat(data.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aBlockedCallIsASpanWithItsCodeAsErrorType() {
    Decision blocked = decision(Decision.Kind.BLOCK, "injection", "injection_detected", List.of(),
        new InjectionVerdict(0.93, 0.7, true, List.of("override", "model")));
    CallSpan span = CallSpan.start(tracer, "127.0.0.1", 8080, CHAT, blocked, new Caller(null, List.of()), APP);
    span.endBlocked(blocked);
    SpanData data = only();
    Attributes attributes = data.getAttributes();
    assertThat(attributes.get(AttributeKey.stringKey("error.type"))).isEqualTo("injection_detected");
    assertThat(attributes.get(AttributeKey.stringKey("warden.decision"))).isEqualTo("block");
    assertThat(attributes.get(AttributeKey.stringArrayKey("warden.injection.reasons"))).containsExactly("override", "model");
    assertThat(attributes.get(AttributeKey.stringKey("warden.principal"))).isNull();
    assertThat(data.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void aWithheldCompletionTurnsTheSpanIntoABlock() {
    Decision allowed = decision(Decision.Kind.MODIFY, "injection", null, List.of(), null);
    CallSpan span = CallSpan.start(tracer, "h", 1, CHAT, allowed, new Caller(null, List.of()), APP);
    span.endResponse(200, ResponseSummary.empty(), "canary_leaked");
    Attributes attributes = only().getAttributes();
    assertThat(attributes.get(AttributeKey.stringKey("warden.decision"))).isEqualTo("block");
    assertThat(attributes.get(AttributeKey.stringKey("error.type"))).isEqualTo("canary_leaked");
  }

  @Test
  void theSpanIsAChildOfTheApplicationsCurrentSpan() {
    // the test class path plays the application: its OpenTelemetry API is read by reflection
    Span appSpan = tracer.spanBuilder("GET /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = appSpan.makeCurrent()) {
      CallSpan.start(tracer, "h", 1, CHAT, decision(Decision.Kind.ALLOW, null, null, List.of(), null),
          new Caller(null, List.of()), APP).endFailed(new IOException("reset"));
    }
    appSpan.end();
    SpanData llm = exported.getFinishedSpanItems().get(0);
    assertThat(llm.getTraceId()).isEqualTo(appSpan.getSpanContext().getTraceId());
    assertThat(llm.getParentSpanId()).isEqualTo(appSpan.getSpanContext().getSpanId());
    assertThat(llm.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.io.IOException");
  }

  @Test
  void withoutACurrentSpanTheCallStartsItsOwnTrace() {
    CallSpan.start(tracer, "h", 1, CHAT, decision(Decision.Kind.ALLOW, null, null, List.of(), null),
        new Caller(null, List.of()), APP).endResponse(200, ResponseSummary.empty(), null);
    assertThat(only().getParentSpanContext().isValid()).isFalse();
  }
}
