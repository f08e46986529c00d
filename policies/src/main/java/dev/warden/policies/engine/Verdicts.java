package dev.warden.policies.engine;

import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.pii.CompletionRewriter;
import java.util.List;

/** Builds the decisions of one snapshot: same policy hash, and {@code enforced} false in monitor mode. */
final class Verdicts {

  static final int FORBIDDEN = 403;
  static final int TOO_MANY_REQUESTS = 429;

  private final boolean enforced;
  private final String policyHash;

  Verdicts(boolean monitor, String policyHash) {
    this.enforced = !monitor;
    this.policyHash = policyHash;
  }

  /** False in monitor mode. */
  boolean enforced() {
    return enforced;
  }

  Decision allow(String keyId, List<Finding> findings) {
    return allow(keyId, findings, null);
  }

  Decision allow(String keyId, List<Finding> findings, CompletionRewriter completions) {
    return new Decision(Decision.Kind.ALLOW, enforced, null, null, 0, null, null, findings, keyId, policyHash,
        completions, null, WireTerms.NONE, 0);
  }

  Decision modify(String rule, String[] rewrittenParts, List<Finding> findings, String keyId,
      CompletionRewriter completions) {
    return new Decision(Decision.Kind.MODIFY, enforced, rule, null, 0, null, rewrittenParts, findings, keyId,
        policyHash, completions, null, WireTerms.NONE, 0);
  }

  Decision forbid(String rule, String code, String message, List<Finding> findings, String keyId) {
    return forbid(rule, code, message, findings, keyId, null);
  }

  /** A 429 with {@code Retry-After: retryAfterSeconds}. */
  Decision throttle(String rule, String code, String message, String keyId, long retryAfterSeconds) {
    return new Decision(Decision.Kind.BLOCK, enforced, rule, code, TOO_MANY_REQUESTS, message, null, List.of(), keyId,
        policyHash, null, null, WireTerms.NONE, retryAfterSeconds);
  }

  Decision forbid(String rule, String code, String message, List<Finding> findings, String keyId,
      InjectionVerdict injection) {
    return new Decision(Decision.Kind.BLOCK, enforced, rule, code, FORBIDDEN, message, null, findings, keyId,
        policyHash, null, injection, WireTerms.NONE, 0);
  }
}
