package dev.warden.policies.engine;

import dev.warden.policies.config.InjectionAction;
import dev.warden.policies.config.InjectionPolicy;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.injection.InjectionScore;
import dev.warden.policies.injection.InjectionScorer;
import dev.warden.policies.injection.canary.Canary;
import dev.warden.policies.injection.canary.CanaryGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled {@code injection} section (the top-level one or a key scope's): scores the text parts
 * of the scanned roles, role {@code tool} against its own threshold, and blocks ({@code block}) or
 * only records ({@code detect}) a request with a part at or above its threshold. With
 * {@code canary: true} it also plants a fresh canary in the first system or developer part of each
 * request it lets through, and guards the completion ({@link CanaryGuard}). A conversation's
 * history is scored once ({@link RecentScans}). Thread-safe.
 */
final class InjectionRule {

  static final String RULE = "injection";
  static final String INJECTION_DETECTED = "injection_detected";
  static final String CANARY_LEAKED = "canary_leaked";
  static final String CANARY_LEAKED_MESSAGE = "the completion repeated the system prompt's canary or a long passage "
      + "of the system prompt, and the policy withholds it";

  private final InjectionPolicy policy;
  private final InjectionScorer scorer;
  private final Verdicts verdicts;
  private final RecentScans<InjectionScore> recent = new RecentScans<>();

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
    double topThreshold = 0;
    boolean flagged = false;
    for (int i = 0, n = parts.size(); i < n; i++) {
      TextPart part = parts.get(i);
      String text = part.text();
      if (text == null || text.isEmpty() || !policy.roles().contains(part.role())) {
        continue;
      }
      boolean indirect = "tool".equals(part.role());
      InjectionScore score = i < n - 1 ? recent.scanHistory(text, indirect, t -> scorer.score(t, indirect))
          : scorer.score(text, indirect);
      double threshold = indirect ? policy.toolThreshold() : policy.threshold();
      boolean over = score.score() >= threshold;
      // the verdict reports the part that decided: a flagged one before any higher unflagged one
      if (top == null || (over && !flagged) || (over == flagged && score.score() > top.score())) {
        top = score;
        topThreshold = threshold;
      }
      flagged |= over;
    }
    return top == null ? null : new InjectionVerdict(top.score(), topThreshold, flagged, top.reasons());
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

  /**
   * {@code decision} (an allow or a modification, after the other rules) with a canary planted:
   * the canary line appended to the first system or developer part as it is sent, and the
   * completion rewriter wrapped in a {@link CanaryGuard} that compares the completion with every
   * system and developer part as sent. An allow becomes a modification by this rule. Unchanged
   * when the rule plants no canary, in monitor mode, for a block, and for a request without a
   * system or developer part (there is nothing to protect).
   */
  Decision plantCanary(Exchange exchange, Decision decision) {
    if (!policy.plantsCanary() || !verdicts.enforced() || decision.kind() == Decision.Kind.BLOCK) {
      return decision;
    }
    List<TextPart> parts = exchange.parts();
    String[] rewritten = decision.rewrittenParts();
    int first = -1;
    List<String> systemPrompt = null;
    for (int i = 0, n = parts.size(); i < n; i++) {
      TextPart part = parts.get(i);
      if (!"system".equals(part.role()) && !"developer".equals(part.role())) {
        continue;
      }
      String sent = rewritten != null && rewritten[i] != null ? rewritten[i] : part.text();
      if (first < 0) {
        first = i;
        systemPrompt = new ArrayList<>(4);
      }
      systemPrompt.add(sent == null ? "" : sent);
    }
    if (first < 0) {
      return decision;
    }
    Canary canary = Canary.random();
    String[] planted = rewritten == null ? new String[parts.size()] : rewritten.clone();
    planted[first] = canary.plantIn(systemPrompt.get(0));
    CanaryGuard guard = CanaryGuard.of(canary, systemPrompt, decision.completionRewriter());
    String rule = decision.kind() == Decision.Kind.MODIFY ? decision.rule() : RULE;
    return verdicts.modify(rule, planted, decision.findings(), decision.keyId(), guard)
        .withInjection(decision.injection());
  }

  /** The block that replaces a response whose completion leaked the call's canary or system prompt. */
  static Decision canaryLeaked(Verdicts verdicts, String keyId) {
    return verdicts.forbid(RULE, CANARY_LEAKED, CANARY_LEAKED_MESSAGE, List.of(), keyId);
  }
}
