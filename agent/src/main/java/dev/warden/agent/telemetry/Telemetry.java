package dev.warden.agent.telemetry;

import dev.warden.agent.WardenLog;
import dev.warden.agent.inventory.LibraryCoordinates;
import dev.warden.agent.inventory.LibraryInventory;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Warden's own OpenTelemetry SDK (shaded: it never meets the application's), configured the
 * standard way from {@code OTEL_*} environment variables and {@code otel.*} system properties.
 * Spans, metrics and logs (the audit trail's {@code otlp} sink and checkpoints) are exported only
 * when an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) or {@code OTEL_*_EXPORTER} asks for them: an
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

  /** Warden's metric instruments, or null when no metric is exported. */
  public static WardenMetrics metrics() {
    return Holder.METRICS;
  }

  /** Warden's OpenTelemetry logger (audit records, checkpoints), or null when no log is exported. */
  public static Logger logger() {
    return Holder.LOGGER;
  }

  /** As {@link #logger()}, but null until {@link #warmUp} has built the SDK: never builds it. */
  public static Logger loggerIfWarm() {
    return warm ? Holder.LOGGER : null;
  }

  /**
   * Warden's metric instruments once {@link #warmUp} has built the SDK, else null: for the policy
   * loader, which also runs in premain ({@code -Dwarden.strict=true}), where the SDK must not be built.
   */
  public static WardenMetrics metricsIfWarm() {
    return warm ? Holder.METRICS : null;
  }

  private static volatile boolean warm;

  /** Builds the SDK now (from the policy thread, so that the first call does not pay for it). */
  public static void warmUp() {
    tracer();
    warm = true;
  }

  private static final class Holder {
    static final OpenTelemetry OTEL = otelOf(System::getProperty, System::getenv);
    static final Tracer TRACER = OTEL == null || !exports(System::getProperty, System::getenv, "traces") ? null
        : OTEL.getTracer(SCOPE);
    static final WardenMetrics METRICS = OTEL == null || !exports(System::getProperty, System::getenv, "metrics") ? null
        : new WardenMetrics(OTEL.getMeter(SCOPE));
    static final Logger LOGGER = OTEL == null || !exports(System::getProperty, System::getenv, "logs") ? null
        : OTEL.getLogsBridge().get(SCOPE);
  }

  private static final String SCOPE = "dev.warden.agent";

  /** The SDK when it exports anything, else null. */
  static OpenTelemetry otelOf(Function<String, String> properties, Function<String, String> environment) {
    if (!exports(properties, environment, "traces") && !exports(properties, environment, "metrics")
        && !exports(properties, environment, "logs")) {
      return null;
    }
    OpenTelemetry otel = build(properties, environment);
    return otel == OpenTelemetry.noop() ? null : otel;
  }

  /** Whether signal {@code signal} (traces, metrics) is exported, the operator's setting or Warden's default. */
  static boolean exports(Function<String, String> properties, Function<String, String> environment, String signal) {
    String property = properties.apply("otel." + signal + ".exporter");
    String variable = environment.apply("OTEL_" + signal.toUpperCase(Locale.ROOT) + "_EXPORTER");
    String exporters = property != null ? property : variable != null ? variable
        : defaults(properties, environment).get("otel." + signal + ".exporter");
    return exportsAny(exporters);
  }

  private static boolean exportsAny(String exporters) {
    return exporters != null && !exporters.isBlank() && !exporters.strip().equals("none");
  }

  static OpenTelemetry build(Function<String, String> properties, Function<String, String> environment) {
    try {
      return AutoConfiguredOpenTelemetrySdk.builder()
          .addPropertiesSupplier(() -> defaults(properties, environment))
          .setServiceClassLoader(Telemetry.class.getClassLoader())
          .addResourceCustomizer((resource, config) -> withLibraries(resource, LibraryInventory.jvm().libraries()))
          .build()
          .getOpenTelemetrySdk();
    } catch (RuntimeException | LinkageError e) {
      WardenLog.warn("OpenTelemetry is not configured as the OTEL_* settings say (" + e.getClass().getSimpleName()
          + "); Warden exports no spans");
      return OpenTelemetry.noop();
    }
  }

  static final AttributeKey<String> LLM_LIBRARIES = AttributeKey.stringKey("warden.llm.libraries");

  /**
   * {@code resource} with {@code warden.llm.libraries}: the LLM client libraries found when the SDK is
   * built ({@code libraries}), {@code group:artifact:version} comma-separated (one string: every backend keeps string
   * resource attributes, not all keep arrays). Libraries that load later reach the
   * {@code warden.inventory.libraries} gauge.
   */
  static Resource withLibraries(Resource resource, List<LibraryCoordinates> libraries) {
    if (libraries.isEmpty()) {
      return resource;
    }
    StringBuilder joined = new StringBuilder();
    for (LibraryCoordinates library : libraries) {
      joined.append(joined.length() == 0 ? "" : ",").append(library.coordinates());
    }
    return resource.merge(Resource.create(Attributes.of(LLM_LIBRARIES, joined.toString())));
  }

  /** What Warden changes in the standard defaults; any setting the operator makes wins. */
  static Map<String, String> defaults(Function<String, String> properties, Function<String, String> environment) {
    Map<String, String> defaults = new HashMap<>();
    boolean endpoint = set(properties.apply("otel.exporter.otlp.endpoint"))
        || set(properties.apply("otel.exporter.otlp.traces.endpoint"))
        || set(environment.apply("OTEL_EXPORTER_OTLP_ENDPOINT"))
        || set(environment.apply("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
    defaults.put("otel.traces.exporter", endpoint ? "otlp" : "none");
    defaults.put("otel.metrics.exporter", endpoint ? "otlp" : "none");
    defaults.put("otel.logs.exporter", endpoint ? "otlp" : "none");
    return defaults;
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
  }
}
