package dev.warden.agent;

import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.policies.config.BuiltInProviders;
import dev.warden.policies.decision.Decision;

/**
 * How calls are treated while no valid policy is loaded (the file was missing or invalid at
 * start): calls to the built-in provider endpoints are blocked, which is {@code onError}'s default.
 */
final class NoPolicy {

  static final EndpointRecognizer RECOGNIZER = new EndpointRecognizer(BuiltInProviders.ALL);

  static final Decision DECISION = CallDecider.wardenError(null, "Warden has no valid policy loaded.");

  private NoPolicy() {}
}
