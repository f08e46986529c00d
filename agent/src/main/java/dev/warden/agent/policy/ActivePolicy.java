package dev.warden.agent.policy;

import dev.warden.agent.identity.CallerResolver;
import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.policies.engine.PolicySnapshot;

/**
 * A compiled policy together with what the agent builds from it once: the endpoint recognizer
 * from its providers and the caller resolver from its identity sources.
 */
public record ActivePolicy(PolicySnapshot snapshot, EndpointRecognizer recognizer, CallerResolver callers) {

  public static ActivePolicy of(PolicySnapshot snapshot) {
    return new ActivePolicy(snapshot, new EndpointRecognizer(snapshot.providers()),
        new CallerResolver(snapshot.identitySources()));
  }
}
