package dev.warden.agent.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.agent.WardenLog;
import dev.warden.agent.telemetry.Telemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Exports, every {@value #DEFAULT_SECONDS} s, where each local audit trail's chain stands
 * ({@code seq} and {@code hash} of its newest record) as an OpenTelemetry log record
 * ({@code {"event":"audit_checkpoint",…}}): a copy outside the host, so a trail rewritten from the
 * start, or cut short, no longer agrees with it. Only when Warden exports logs, and only after the
 * chain moved. One daemon thread for the JVM, started with the first trail. Thread-safe.
 */
final class AuditCheckpoints {

  static final long DEFAULT_SECONDS = 60;
  private static final JsonFactory JSON = new JsonFactory();

  private static final Map<AuditTrail, Long> EXPORTED = new ConcurrentHashMap<>();
  private static volatile ScheduledExecutorService scheduler;

  private AuditCheckpoints() {}

  /** Starts checkpointing {@code trail} (a file or stdout trail: an otlp trail is its own copy). */
  static void watch(AuditTrail trail) {
    EXPORTED.putIfAbsent(trail, 0L);
    if (scheduler == null) {
      synchronized (AuditCheckpoints.class) {
        if (scheduler == null) {
          long seconds = Long.getLong("warden.audit.checkpoint.seconds", DEFAULT_SECONDS);
          ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "warden-audit-checkpoint");
            thread.setDaemon(true);
            return thread;
          });
          started.scheduleWithFixedDelay(AuditCheckpoints::exportAll, seconds, seconds, TimeUnit.SECONDS);
          scheduler = started;
        }
      }
    }
  }

  static void exportAll() {
    try {
      Logger logger = Telemetry.loggerIfWarm();
      if (logger == null) {
        return;
      }
      for (Map.Entry<AuditTrail, Long> entry : EXPORTED.entrySet()) {
        AuditTrail.Checkpoint checkpoint = entry.getKey().checkpoint();
        if (checkpoint.seq() > entry.getValue()) {
          logger.logRecordBuilder().setSeverity(Severity.INFO).setBody(body(entry.getKey(), checkpoint))
              .setAttribute(OtlpAuditSink.EVENT_NAME, "warden.audit.checkpoint").emit();
          entry.setValue(checkpoint.seq());
        }
      }
    } catch (RuntimeException | IOException e) {
      WardenLog.warn("audit checkpoint not exported (" + e.getClass().getSimpleName() + ")");
    }
  }

  static String body(AuditTrail trail, AuditTrail.Checkpoint checkpoint) throws IOException {
    StringWriter text = new StringWriter(160);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("event", "audit_checkpoint");
      json.writeStringField("sink", trail.describe());
      json.writeNumberField("seq", checkpoint.seq());
      json.writeStringField("hash", checkpoint.hash());
      json.writeEndObject();
    }
    return text.toString();
  }
}
