package dev.warden.agent.policy;

import dev.warden.agent.audit.AuditTrail;
import dev.warden.agent.audit.AuditTrails;
import dev.warden.agent.identity.CallerResolver;
import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.policies.engine.PolicySnapshot;

/**
 * A compiled policy together with what the agent builds from it once: the endpoint recognizer
 * from its providers, the caller resolver from its identity sources, and its audit trail (null
 * without an {@code audit} section).
 */
public record ActivePolicy(PolicySnapshot snapshot, EndpointRecognizer recognizer, CallerResolver callers,
    AuditTrail audit) {

  public static ActivePolicy of(PolicySnapshot snapshot) {
    return new ActivePolicy(snapshot, new EndpointRecognizer(snapshot.providers()),
        new CallerResolver(snapshot.identitySources()), AuditTrails.of(snapshot.audit()));
  }
}
