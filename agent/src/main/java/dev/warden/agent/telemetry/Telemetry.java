package dev.warden.agent.telemetry;

import dev.warden.agent.WardenLog;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Warden's own OpenTelemetry SDK (shaded: it never meets the application's), configured the
 * standard way from {@code OTEL_*} environment variables and {@code otel.*} system properties.
 * Spans are exported only when an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) or {@code OTEL_TRACES_EXPORTER} asks for it: an
 * application without a collector must not get an export error in its log every few seconds.
 * Built once, on first use, off premain's path; a failure to build is logged once and leaves
 * tracing off. Thread-safe.
 */
public final class Telemetry {

  private Telemetry() {}

  /** Warden's tracer, or null when no span is exported (then none is made: it would cost for nothing). */
  public static Tracer tracer() {
    return Holder.TRACER;
  }

  /** Builds the SDK now (from the policy thread, so that the first call does not pay for it). */
  public static void warmUp() {
    tracer();
  }

  private static final class Holder {
    static final Tracer TRACER = tracerOf(System::getProperty, System::getenv);
  }

  static Tracer tracerOf(Function<String, String> properties, Function<String, String> environment) {
    if (!"otlp".equals(defaults(properties, environment).get("otel.traces.exporter"))
        && !exportsTraces(properties.apply("otel.traces.exporter"), environment.apply("OTEL_TRACES_EXPORTER"))) {
      return null;
    }
    OpenTelemetry otel = build(properties, environment);
    return otel == OpenTelemetry.noop() ? null : otel.getTracer("dev.warden.agent");
  }

  private static boolean exportsTraces(String property, String environment) {
    String exporters = property != null ? property : environment;
    return exporters != null && !exporters.isBlank() && !exporters.strip().equals("none");
  }

  static OpenTelemetry build(Function<String, String> properties, Function<String, String> environment) {
    try {
      return AutoConfiguredOpenTelemetrySdk.builder()
          .addPropertiesSupplier(() -> defaults(properties, environment))
          .setServiceClassLoader(Telemetry.class.getClassLoader())
          .build()
          .getOpenTelemetrySdk();
    } catch (RuntimeException | LinkageError e) {
      WardenLog.warn("OpenTelemetry is not configured as the OTEL_* settings say (" + e.getClass().getSimpleName()
          + "); Warden exports no spans");
      return OpenTelemetry.noop();
    }
  }

  /** What Warden changes in the standard defaults; any setting the operator makes wins. */
  static Map<String, String> defaults(Function<String, String> properties, Function<String, String> environment) {
    Map<String, String> defaults = new HashMap<>();
    boolean endpoint = set(properties.apply("otel.exporter.otlp.endpoint"))
        || set(properties.apply("otel.exporter.otlp.traces.endpoint"))
        || set(environment.apply("OTEL_EXPORTER_OTLP_ENDPOINT"))
        || set(environment.apply("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
    defaults.put("otel.traces.exporter", endpoint ? "otlp" : "none");
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    return defaults;
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
  }
}
