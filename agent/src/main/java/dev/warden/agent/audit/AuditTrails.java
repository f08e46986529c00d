package dev.warden.agent.audit;

import dev.warden.policies.config.AuditPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * The JVM's audit trails, one per sink, so that a policy reload that keeps the sink keeps its
 * chain (and its open file). Thread-safe.
 */
public final class AuditTrails {

  private static final Map<String, AuditTrail> BY_SINK = new HashMap<>();

  private AuditTrails() {}

  /** The trail {@code policy} writes to, or null when it has no audit section. */
  public static synchronized AuditTrail of(AuditPolicy policy) {
    if (policy.off()) {
      return null;
    }
    HashChain chain = HashChain.of(policy.key() == null ? null : policy.key().value());
    String sink = policy.stdout() ? "stdout" : policy.otlp() ? "otlp" : "file:" + policy.file() + "#" + policy.rotateBytes();
    AuditTrail trail = BY_SINK.get(sink);
    if (trail == null) {
      AuditSink target = policy.stdout() ? new StdoutAuditSink(System.out)
          : policy.otlp() ? new OtlpAuditSink() : new FileAuditSink(policy.file(), policy.rotateBytes());
      trail = new AuditTrail(target, serviceName(), chain);
      BY_SINK.put(sink, trail);
      if (!policy.otlp()) {
        AuditCheckpoints.watch(trail);
      }
    } else {
      trail.rekey(chain);
    }
    return trail;
  }

  /** As OpenTelemetry names the service: {@code otel.service.name}, {@code OTEL_SERVICE_NAME}, or its default. */
  static String serviceName() {
    String name = System.getProperty("otel.service.name");
    if (name == null || name.isBlank()) {
      name = System.getenv("OTEL_SERVICE_NAME");
    }
    return name == null || name.isBlank() ? "unknown_service:java" : name.strip();
  }
}
