package dev.warden.agent;

import dev.warden.agent.audit.AuditTrail;
import dev.warden.agent.audit.DecisionRecord;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.agent.telemetry.CallSpan;
import dev.warden.agent.telemetry.Telemetry;
import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.identity.Caller;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import java.util.Set;

/**
 * Step 6 of a call: its span and its audit records. The span starts when the call is decided and
 * ends when a block is answered, when the response ends, or when the transport fails; the audit
 * record of the decision is written at once, with the span's trace and span ids, and a response
 * withheld for leaking the canary gets a second record. Thread-safe.
 */
final class CallEvidence {

  private final ActivePolicy policy;
  private final Exchange exchange;
  private final Caller caller;
  private final CallSpan span;

  private CallEvidence(ActivePolicy policy, Exchange exchange, Caller caller, CallSpan span) {
    this.policy = policy;
    this.exchange = exchange;
    this.caller = caller;
    this.span = span;
  }

  /** Starts the call's span, when spans are exported. */
  static CallEvidence start(ActivePolicy policy, String host, int port, Exchange exchange, Caller caller,
      Decision decision) {
    Tracer tracer = Telemetry.tracer();
    CallSpan span = tracer == null ? null : CallSpan.start(tracer, host, port, exchange, decision, caller, null);
    return new CallEvidence(policy, exchange, caller, span);
  }

  /** Writes {@code decision}'s audit record; false when the policy has an audit trail that could not take it. */
  boolean record(Decision decision) {
    AuditTrail audit = policy.audit();
    if (audit == null) {
      return true;
    }
    Set<String> roles = policy.snapshot().rolesOf(caller);
    SpanContext trace = span == null ? null : span.context();
    return audit.append(DecisionRecord.of(caller, roles, exchange, decision,
        trace == null ? null : trace.getTraceId(), trace == null ? null : trace.getSpanId()));
  }

  /** The call was answered with {@code decision}'s block, without the network. */
  void blocked(Decision decision) {
    if (span != null) {
      span.endBlocked(decision);
    }
  }

  /** Whether the response's end must be seen: to end the span, or to record a withheld completion. */
  boolean watchesResponse(boolean mayWithhold) {
    return span != null || (mayWithhold && policy.audit() != null);
  }

  /**
   * The response ended (or was closed).
   *
   * @param withheld the block that replaced the completion, or null when it was not withheld
   */
  void responseEnded(int status, ResponseSummary summary, Decision withheld) {
    if (withheld != null) {
      record(withheld);
    }
    if (span != null) {
      span.endResponse(status, summary, withheld == null ? null : withheld.code());
    }
  }

  /** The transport failed before a response arrived. */
  void failed(Throwable error) {
    if (span != null) {
      span.endFailed(error);
    }
  }
}
