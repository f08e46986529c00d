package dev.warden.agent.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.identity.Caller;
import java.io.IOException;
import java.util.Set;

/**
 * The members of one decision's audit record (DESIGN.md's audit contract): who called, with which
 * key scope, provider, operation and model, what was decided by which rule, what was found
 * (types and counts), the injection score with its threshold and reasons, and the policy. Never a
 * prompt, a completion, a key or a PII value: findings are counts by type.
 */
public final class DecisionRecord {

  private DecisionRecord() {}

  /**
   * @param traceId the trace of the call's span, or null when no span is made
   * @param spanId  the call's span, or null
   * @param cacheHit true when the call was answered from the cache: its decision is {@code cache_hit}
   */
  public static AuditTrail.Members of(Caller caller, Set<String> roles, Exchange exchange, Decision decision,
      String traceId, String spanId, boolean cacheHit) {
    return json -> {
      if (traceId != null) {
        json.writeStringField("traceId", traceId);
        json.writeStringField("spanId", spanId);
      }
      if (caller.principal() != null) {
        json.writeStringField("principal", caller.principal());
      }
      json.writeArrayFieldStart("roles");
      for (String role : roles) {
        json.writeString(role);
      }
      json.writeEndArray();
      if (decision.keyId() != null) {
        json.writeStringField("keyId", decision.keyId());
      }
      json.writeStringField("provider", exchange.provider());
      json.writeStringField("operation", exchange.operation());
      if (exchange.model() != null) {
        json.writeStringField("model", exchange.model());
      }
      json.writeStringField("decision", cacheHit ? "cache_hit" : decision.kind().label());
      if (!decision.enforced()) {
        json.writeBooleanField("enforced", false);
      }
      if (decision.rule() != null) {
        json.writeStringField("rule", decision.rule());
      }
      if (decision.code() != null) {
        json.writeStringField("code", decision.code());
      }
      writeFindings(json, decision);
      writeInjection(json, decision.injection());
      json.writeStringField("policy", decision.policyHash());
    };
  }

  private static void writeFindings(JsonGenerator json, Decision decision) throws IOException {
    json.writeArrayFieldStart("findings");
    for (Finding finding : decision.findings()) {
      json.writeStartObject();
      json.writeStringField("rule", finding.rule());
      json.writeStringField("type", finding.type());
      json.writeNumberField("count", finding.count());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeInjection(JsonGenerator json, InjectionVerdict verdict) throws IOException {
    if (verdict == null) {
      return;
    }
    json.writeObjectFieldStart("injection");
    json.writeNumberField("score", Math.round(verdict.score() * 1000) / 1000.0);
    json.writeNumberField("threshold", verdict.threshold());
    json.writeBooleanField("flagged", verdict.flagged());
    json.writeArrayFieldStart("reasons");
    for (String reason : verdict.reasons()) {
      json.writeString(reason);
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
