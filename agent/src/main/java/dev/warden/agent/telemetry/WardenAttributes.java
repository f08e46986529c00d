package dev.warden.agent.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** Warden's own span attributes (DESIGN.md's telemetry contract). */
final class WardenAttributes {

  static final AttributeKey<String> DECISION = AttributeKey.stringKey("warden.decision");
  static final AttributeKey<String> RULE = AttributeKey.stringKey("warden.rule");
  static final AttributeKey<Long> PII_COUNT = AttributeKey.longKey("warden.pii.count");
  static final AttributeKey<List<String>> PII_TYPES = AttributeKey.stringArrayKey("warden.pii.types");
  static final AttributeKey<Double> INJECTION_SCORE = AttributeKey.doubleKey("warden.injection.score");
  /** Beyond DESIGN.md's list: what the score was compared with, and the layers that fired (issue 4). */
  static final AttributeKey<Double> INJECTION_THRESHOLD = AttributeKey.doubleKey("warden.injection.threshold");
  static final AttributeKey<List<String>> INJECTION_REASONS = AttributeKey.stringArrayKey("warden.injection.reasons");
  static final AttributeKey<String> KEY_ID = AttributeKey.stringKey("warden.key.id");
  static final AttributeKey<String> PRINCIPAL = AttributeKey.stringKey("warden.principal");
  static final AttributeKey<String> POLICY_HASH = AttributeKey.stringKey("warden.policy.hash");
  static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("warden.cache.hit");
  static final AttributeKey<String> FRAMEWORK = AttributeKey.stringKey("warden.framework");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("warden.attempts");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("warden.attempt");

  private WardenAttributes() {}
}
