package dev.warden.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {

  @Test
  void withoutAnEndpointNoSpanIsMadeSoNoExportErrorCanReachTheLog() {
    assertThat(Telemetry.otelOf(Map.<String, String>of()::get, Map.<String, String>of()::get)).isNull();
    assertThat(Telemetry.defaults(Map.<String, String>of()::get, Map.<String, String>of()::get))
        .containsEntry("otel.traces.exporter", "none");
  }

  @Test
  void anEndpointOrAnExplicitExporterTurnsTracingOn() {
    assertThat(Telemetry.defaults(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:4317")::get,
        Map.<String, String>of()::get)).containsEntry("otel.traces.exporter", "otlp");
    assertThat(Telemetry.defaults(Map.<String, String>of()::get,
        Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")::get))
        .containsEntry("otel.traces.exporter", "otlp");
    assertThat(Telemetry.exports(Map.of("otel.traces.exporter", "otlp")::get, Map.<String, String>of()::get, "traces"))
        .isTrue();
    assertThat(Telemetry.otelOf(Map.of("otel.traces.exporter", "otlp")::get, Map.<String, String>of()::get)).isNotNull();
    assertThat(Telemetry.exports(Map.of("otel.exporter.otlp.endpoint", "http://c:4317")::get,
        Map.of("OTEL_TRACES_EXPORTER", "none")::get, "traces")).as("the operator's none wins").isFalse();
    assertThat(Telemetry.exports(Map.of("otel.exporter.otlp.endpoint", "http://c:4317")::get,
        Map.<String, String>of()::get, "logs")).isTrue();
  }
}
