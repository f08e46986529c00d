package dev.warden.agent;

import dev.warden.agent.alerts.CallAlerts;
import dev.warden.agent.audit.AuditTrail;
import dev.warden.agent.audit.DecisionRecord;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.agent.telemetry.CallSpan;
import dev.warden.agent.telemetry.CompletionRecorder;
import dev.warden.agent.telemetry.Telemetry;
import dev.warden.agent.telemetry.WardenMetrics;
import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.pii.CompletionRewriter;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.Set;

/**
 * Step 6 of a call: its span, its metrics and its audit records. The span starts when the call is decided and
 * ends when a block is answered, when the response ends, or when the transport fails; the audit
 * record of the decision is written at once, with the span's trace and span ids, and a response
 * withheld for leaking the canary gets a second record. Thread-safe.
 */
final class CallEvidence {

  private final ActivePolicy policy;
  private final Exchange exchange;
  private final Caller caller;
  private final CallSpan span;
  private final WardenMetrics metrics;
  private final long startNanos;
  /** The key scope of the call's decision, for the alerts counted when its response ends. */
  private final String keyId;
  /** True when the call was answered from the cache: its usage cost no tokens. */
  private volatile boolean cacheHit;
  /** The provider's completion, kept for telemetry.content: redacted; null otherwise. */
  private CompletionRecorder recorder;

  private CallEvidence(ActivePolicy policy, Exchange exchange, Caller caller, CallSpan span, WardenMetrics metrics,
      String keyId) {
    this.policy = policy;
    this.keyId = keyId;
    this.exchange = exchange;
    this.caller = caller;
    this.span = span;
    this.metrics = metrics;
    this.startNanos = System.nanoTime();
  }

  /** Starts the call's span, when spans are exported, and counts its decision, when metrics are. */
  static CallEvidence start(ActivePolicy policy, String host, int port, Exchange exchange, Caller caller,
      Decision decision) {
    Tracer tracer = Telemetry.tracer();
    CallSpan span = tracer == null ? null : CallSpan.start(tracer, host, port, exchange, decision, caller, null);
    WardenMetrics metrics = Telemetry.metrics();
    if (metrics != null) {
      metrics.decided(decision);
    }
    return new CallEvidence(policy, exchange, caller, span, metrics, decision.keyId());
  }

  /** True when the span is to carry the call's prompt and completion ({@code telemetry.content: redacted}). */
  boolean recordsContent() {
    return span != null && policy.snapshot().telemetryContent();
  }

  /**
   * Puts the prompt as sent, redacted, on the span ({@link #recordsContent()} only).
   *
   * @param sentParts the text of each part as it goes out (rewritten or not), with its role
   */
  void recordPrompt(List<String[]> sentParts) {
    StringBuilder prompt = new StringBuilder();
    for (String[] part : sentParts) {
      if (prompt.length() >= MAX_PROMPT_CHARS) {
        break;
      }
      prompt.append(part[0]).append(": ").append(part[1]).append('\n');
    }
    String cut = prompt.length() > MAX_PROMPT_CHARS ? prompt.substring(0, MAX_PROMPT_CHARS) : prompt.toString();
    span.addContent(policy.snapshot().redactForTelemetry(cut), null);
  }

  /**
   * The rewriter through which the completion must pass so that it reaches the span too, redacted,
   * when the response ends ({@link #recordsContent()} only).
   */
  CompletionRewriter recordCompletion(CompletionRewriter completions) {
    recorder = new CompletionRecorder(completions);
    return recorder;
  }

  private static final int MAX_PROMPT_CHARS = 16 * 1024;

  /** Writes {@code decision}'s audit record; false when the policy has an audit trail that could not take it. */
  boolean record(Decision decision) {
    return record(decision, false);
  }

  /**
   * As {@link #record(Decision)}; a call answered from the cache is recorded as {@code cache_hit},
   * and so counted.
   */
  boolean record(Decision decision, boolean cacheHit) {
    if (cacheHit) {
      this.cacheHit = true;
    }
    if (cacheHit && metrics != null) {
      metrics.cacheLookup("hit");
    }
    if (cacheHit && span != null) {
      span.cacheHit();
    }
    return write(decision, cacheHit);
  }

  /** A stored entry did not open (tampered, or sealed under a key the ring no longer holds): a miss, and a record. */
  void cacheEntryRejected() {
    if (metrics != null) {
      metrics.cacheLookup("open_failure");
    }
    AuditTrail audit = policy.audit();
    if (audit != null) {
      audit.append(json -> {
        json.writeStringField("event", "cache_entry_rejected");
        json.writeStringField("provider", exchange.provider());
        json.writeStringField("operation", exchange.operation());
        json.writeStringField("policy", policy.snapshot().hash());
      });
    }
  }

  /** Counts a cache miss (a cacheable call that went to the provider). */
  void cacheMiss() {
    if (metrics != null) {
      metrics.cacheLookup("miss");
    }
  }

  private boolean write(Decision decision, boolean cacheHit) {
    AuditTrail audit = policy.audit();
    if (audit == null) {
      return true;
    }
    Set<String> roles = policy.snapshot().rolesOf(caller);
    SpanContext trace = span == null ? null : span.context();
    return audit.append(DecisionRecord.of(caller, roles, exchange, decision,
        trace == null ? null : trace.getTraceId(), trace == null ? null : trace.getSpanId(), cacheHit));
  }

  /** Counts the decided call for the policy's anomaly alerts, after its record: an alert follows what raised it. */
  void countForAlerts(Decision decision) {
    CallAlerts.decided(policy, caller.principal(), exchange.model(), decision);
  }

  /** The call was answered with {@code decision}'s block, without the network. */
  void blocked(Decision decision) {
    if (span != null) {
      span.endBlocked(decision);
    }
    measure(null, decision.code());
  }

  /**
   * Whether the response's end must be seen: to end the span, measure the call, record a withheld
   * completion, or count its tokens for alerts.
   */
  boolean watchesResponse(boolean mayWithhold) {
    return span != null || metrics != null || (mayWithhold && policy.audit() != null) || CallAlerts.countsTokens(policy);
  }

  /**
   * The response ended (or was closed).
   *
   * @param withheld the block that replaced the completion, or null when it was not withheld
   */
  void responseEnded(int status, ResponseSummary summary, Decision withheld) {
    if (withheld != null) {
      record(withheld);
      if (metrics != null) {
        metrics.decided(withheld);
      }
    }
    if (span != null) {
      if (recorder != null) {
        span.addContent(null, policy.snapshot().redactForTelemetry(recorder.recorded()));
      }
      span.endResponse(status, summary, withheld == null ? null : withheld.code());
    }
    measure(summary, withheld != null ? withheld.code() : status >= 400 ? Integer.toString(status) : null);
    if (!cacheHit && status >= 200 && status < 300
        && (summary.inputTokens() != null || summary.outputTokens() != null)) {
      long used = (summary.inputTokens() == null ? 0 : summary.inputTokens())
          + (summary.outputTokens() == null ? 0 : summary.outputTokens());
      CallAlerts.used(policy, keyId, caller.principal(), exchange.model(), used);
    }
  }

  /** The transport failed before a response arrived. */
  void failed(Throwable error) {
    if (span != null) {
      span.endFailed(error);
    }
    measure(null, error.getClass().getName());
  }

  private void measure(ResponseSummary summary, String errorType) {
    if (metrics != null) {
      metrics.callEnded(exchange, (System.nanoTime() - startNanos) / 1e9, summary, errorType);
    }
  }
}
