package dev.warden.policies.engine;

import dev.warden.policies.config.InjectionAction;
import dev.warden.policies.config.InjectionPolicy;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.injection.InjectionScore;
import dev.warden.policies.injection.InjectionScorer;
import java.util.List;
import java.util.Locale;

/**
 * A compiled {@code injection} section (the top-level one or a key scope's): scores the text parts
 * of the scanned roles, role {@code tool} against its own threshold, and blocks ({@code block}) or
 * only records ({@code detect}) a request with a part at or above its threshold. Immutable and
 * thread-safe.
 */
final class InjectionRule {

  static final String RULE = "injection";
  static final String INJECTION_DETECTED = "injection_detected";

  private final InjectionPolicy policy;
  private final InjectionScorer scorer;
  private final Verdicts verdicts;

  private InjectionRule(InjectionPolicy policy, InjectionScorer scorer, Verdicts verdicts) {
    this.policy = policy;
    this.scorer = scorer;
    this.verdicts = verdicts;
  }

  /** The rule for {@code policy}, or null when it is off. */
  static InjectionRule compile(InjectionPolicy policy, InjectionScorer scorer, Verdicts verdicts) {
    return policy.off() ? null : new InjectionRule(policy, scorer, verdicts);
  }

  /** The verdict on {@code exchange}; null when no part was scanned. */
  InjectionVerdict score(Exchange exchange) {
    List<TextPart> parts = exchange.parts();
    InjectionScore top = null;
    boolean flagged = false;
    for (int i = 0, n = parts.size(); i < n; i++) {
      TextPart part = parts.get(i);
      String text = part.text();
      if (text == null || text.isEmpty() || !policy.roles().contains(part.role())) {
        continue;
      }
      boolean indirect = "tool".equals(part.role());
      InjectionScore score = scorer.score(text, indirect);
      boolean over = score.score() >= (indirect ? policy.toolThreshold() : policy.threshold());
      // the verdict reports the part that decided: a flagged one before any higher unflagged one
      if (top == null || (over && !flagged) || (over == flagged && score.score() > top.score())) {
        top = score;
      }
      flagged |= over;
    }
    return top == null ? null : new InjectionVerdict(top.score(), flagged, top.reasons());
  }

  /** The block decision for a flagged {@code verdict} under {@code block}, else null. */
  Decision refuse(InjectionVerdict verdict, String keyId) {
    if (verdict == null || !verdict.flagged() || policy.action() != InjectionAction.BLOCK) {
      return null;
    }
    String message = String.format(Locale.ROOT,
        "the request contains text that looks like a prompt injection (score %.2f) and the policy blocks it",
        verdict.score());
    return verdicts.forbid(RULE, INJECTION_DETECTED, message, List.of(), keyId, verdict);
  }
}
