package dev.warden.policies.injection.signals;

import java.util.Set;

/**
 * A text that ranks itself above the model's instructions: "This document overrides all prior
 * instructions", "these instructions take precedence over your system prompt", "this message
 * supersedes your guidelines". Nothing is ordered, but the model is told whose word counts, which
 * is what an override is for. Fires {@code instruction_override} at 0.8.
 *
 * <p>What is outranked must be the model's instructions as a whole. "A local file overrides any
 * rules set in the parent" outranks settings; "this memo supersedes all previous instructions on
 * travel claims" outranks an office's own, on a topic; "supersedes" is how memos speak, so it
 * counts only for "your" or the system's instructions.
 */
final class PrecedenceClaims {

  private static final Set<String> OVERRIDES = Set.of("overrides", "supersedes", "supersede",
      "outranks", "trumps", "outweighs", "outweigh");
  private static final Set<String> TAKES = Set.of("take", "takes", "has", "have", "gets");
  private static final Set<String> TARGETS = Set.of("instructions", "instruction", "directives",
      "prompt", "prompts", "guidelines");
  private static final Set<String> RULES = Set.of("rule", "rules");
  private static final Set<String> QUALIFIERS = Set.of("all", "any", "every", "previous", "prior",
      "earlier", "other", "your", "system", "original", "initial", "existing", "above", "the",
      "of", "developer's", "developers'", "operator's", "admin's");
  /** Qualifiers that make the outranked instructions the model's. */
  private static final Set<String> MODELS = Set.of("your", "system", "developer's",
      "developers'", "operator's", "admin's");
  /** After the instructions: a topic, so an office's own ("… on travel claims"). */
  private static final Set<String> TOPICS = Set.of("on", "about", "regarding", "concerning",
      "for", "in", "of", "related", "relating", "from", "given", "issued", "sent");
  /** Before the verb, a claim denied or supposed: "nothing here overrides", "if it overrides". */
  private static final Set<String> DOUBTS = Set.of("not", "never", "nothing", "no", "if", "when",
      "whether", "can", "could", "may", "might", "cannot", "can't", "doesn't");

  private PrecedenceClaims() {}

  /** At overrides, supersedes, precedence, priority. */
  static void at(Clause c, SignalSet out) {
    String verb = c.word(0);
    int objectAt;
    if (OVERRIDES.contains(verb)) {
      objectAt = 1;
    } else if (TAKES.contains(c.word(-1)) && "over".equals(c.word(1))) {
      objectAt = 2; // "takes precedence over", "has priority over"
    } else {
      return;
    }
    if (c.find(DOUBTS, -4, -1) != Clause.NONE) {
      return;
    }
    boolean models = false;
    for (int k = objectAt; k < objectAt + 5; k++) {
      String w = c.word(k);
      // "overrides every other rule you have": rules are the model's only as "you have" them
      boolean yourRules = RULES.contains(w) && "you".equals(c.word(k + 1));
      models |= yourRules;
      if (TARGETS.contains(w) || yourRules) {
        if (models || !verb.startsWith("supersede") && k > objectAt) {
          if (!TOPICS.contains(c.word(k + 1)) && !QuotedMention.of(c)) {
            out.fire(SignalSet.INSTRUCTION_OVERRIDE, 0.8);
          }
        }
        return;
      }
      if (!QUALIFIERS.contains(w)) {
        return;
      }
      models |= MODELS.contains(w);
    }
  }
}
