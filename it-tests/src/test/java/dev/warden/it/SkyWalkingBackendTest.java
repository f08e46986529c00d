package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.it.harness.SkyWalkingBackend;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness for a real telemetry backend works end to end: the OpenTelemetry SDK exports a span, a
 * log record and a counter over OTLP gRPC to SkyWalking OAP, and each comes back through the API the
 * telemetry tests will query (Zipkin, LogQL, PromQL), with the project's searchable tags and MAL rule.
 */
class SkyWalkingBackendTest {

  private static final String SERVICE = "warden-smoke";

  private static SkyWalkingBackend backend;
  private static OpenTelemetrySdk sdk;
  private static String traceId;
  private static String logMarker;

  @BeforeAll
  static void exportOneOfEach() throws IOException {
    backend = SkyWalkingBackend.start();
    sdk = sdk(backend.otlpEndpoint());

    Span span = sdk.getTracer("warden-smoke").spanBuilder("chat gpt-4o-mini")
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute("gen_ai.request.model", "gpt-4o-mini")
        .setAttribute("warden.decision", "block")
        .startSpan();
    span.end();
    traceId = span.getSpanContext().getTraceId();

    logMarker = "audit " + UUID.randomUUID();
    sdk.getLogsBridge().get("warden-smoke").logRecordBuilder()
        .setSeverity(Severity.INFO)
        .setBody(logMarker + " decision=block")
        .setAttribute(AttributeKey.stringKey("warden.decision"), "block")
        .emit();

    sdk.getMeter("warden-smoke").counterBuilder("warden.decisions").build()
        .add(1, Attributes.of(AttributeKey.stringKey("decision"), "block",
            AttributeKey.stringKey("rule"), "smoke-rule"));

    sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    sdk.getSdkLoggerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (sdk != null) {
      sdk.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void theSpanIsFoundByItsWardenTagWithItsGenAiAttributes() {
    List<JsonNode> traces = backend.zipkinTraces(SERVICE, "warden.decision=block");

    assertThat(traces).anySatisfy(trace -> assertThat(trace).anySatisfy(span -> {
      assertThat(span.path("traceId").asText()).isEqualTo(traceId);
      assertThat(span.path("kind").asText()).isEqualTo("CLIENT");
      assertThat(span.path("localEndpoint").path("serviceName").asText()).isEqualTo(SERVICE);
      assertThat(span.path("tags").path("gen_ai.request.model").asText()).isEqualTo("gpt-4o-mini");
    }));
    assertThat(backend.zipkinTrace(traceId)).singleElement()
        .satisfies(span -> assertThat(span.path("name").asText()).isEqualTo("chat gpt-4o-mini"));
  }

  @Test
  void theLogRecordIsFoundByLogQl() {
    assertThat(backend.lokiLines(SERVICE, logMarker)).containsExactly(logMarker + " decision=block");
  }

  @Test
  void theCounterIsReadByPromQlThroughTheWardenRule() {
    String query = "meter_warden_decisions{service=\"" + SERVICE + "\",layer=\"GENERAL\","
        + "decision=\"block\",rule=\"smoke-rule\"}";

    assertThat(backend.promValue(query)).isEqualTo(1.0);
  }

  private static OpenTelemetrySdk sdk(String endpoint) {
    Resource resource = Resource.getDefault()
        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE)));
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().setResource(resource)
            .addSpanProcessor(SimpleSpanProcessor.create(
                OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build()))
            .build())
        .setLoggerProvider(SdkLoggerProvider.builder().setResource(resource)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(
                OtlpGrpcLogRecordExporter.builder().setEndpoint(endpoint).build()))
            .build())
        // a cumulative counter, exported again every 5 s so each one-minute bucket gets its value
        .setMeterProvider(SdkMeterProvider.builder().setResource(resource)
            .registerMetricReader(PeriodicMetricReader.builder(
                OtlpGrpcMetricExporter.builder().setEndpoint(endpoint).build())
                .setInterval(Duration.ofSeconds(5)).build())
            .build())
        .build();
  }
}
