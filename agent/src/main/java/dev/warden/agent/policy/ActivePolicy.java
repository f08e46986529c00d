package dev.warden.agent.policy;

import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.policies.engine.PolicySnapshot;

/** A compiled policy together with the endpoint recognizer built from its providers. */
public record ActivePolicy(PolicySnapshot snapshot, EndpointRecognizer recognizer) {

  public static ActivePolicy of(PolicySnapshot snapshot) {
    return new ActivePolicy(snapshot, new EndpointRecognizer(snapshot.providers()));
  }
}
