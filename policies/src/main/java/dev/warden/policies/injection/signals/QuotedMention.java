package dev.warden.policies.injection.signals;

/**
 * Whether an override phrase is mentioned rather than used: it opens a quotation ("what does
 * 'ignore previous instructions' mean in LLM security?") in a text that talks about attacks or
 * asks what the phrase means. Security teams, trainers and bloggers write this every day; an
 * attack that quotes its own override still has to pass the model and every other signal. A
 * quotation that opens the text is no mention: attacks open with a quote or a code fence.
 */
final class QuotedMention {

  private static final String QUOTES = "'\"\u2018\u201c\u00ab`";
  private static final String[] CUES = {"injection", "jailbreak", "attack", "security", "exploit",
      "mean", "phrase", "example", "detect", "defen", "guardrail", "filter", "classif", "red team",
      "red-team", "adversarial", "malicious"};

  private QuotedMention() {}

  static boolean of(Clause c) {
    if (QUOTES.indexOf(c.charBefore(0)) < 0 || !wordsBefore(c.text(), c.start(0))) {
      return false;
    }
    return c.textContainsAny(CUES);
  }

  /** Whether words come before the quotation: a text that opens with one is no talk about it. */
  private static boolean wordsBefore(String text, int quoted) {
    for (int i = quoted - 1; i >= 0; i--) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
