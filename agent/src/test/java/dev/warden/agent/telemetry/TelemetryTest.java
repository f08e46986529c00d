package dev.warden.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.inventory.LibraryCoordinates;
import dev.warden.agent.inventory.LlmLibrary;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {

  @Test
  void theResourceNamesTheLlmLibrariesFoundWhenTheSdkIsBuilt() {
    Resource base = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"));
    Resource with = Telemetry.withLibraries(base, List.of(
        new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-core", "4.101.0", "manifest"),
        new LibraryCoordinates(LlmLibrary.OKHTTP, "com.squareup.okhttp3", "okhttp", "4.12.0", "file name")));
    assertThat(with.getAttribute(AttributeKey.stringKey("warden.llm.libraries")))
        .isEqualTo("com.openai:openai-java-core:4.101.0,com.squareup.okhttp3:okhttp:4.12.0");
    assertThat(with.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("checkout");
    assertThat(Telemetry.withLibraries(base, List.of())).isSameAs(base);
  }

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
