package dev.warden.policies.injection.signals;

import java.util.Locale;

/**
 * An override written as one word so that no word list sees it: {@code
 * ignoreallpreviousinstructions}, {@code IgnorePreviousInstructions}. Fires {@code
 * instruction_override} at 0.8 for a word longer than any anchor that opens with an override verb,
 * ends with an instruction noun and has a qualifier between ("all", "previous", "your"):
 * "forgetfulnessOfOldRules" has none.
 */
final class JoinedWords {

  /** Shorter joined words are ordinary: "forgetfulness", "disregarded". */
  static final int MIN_LENGTH = 18;
  private static final String[] VERBS = {"ignore", "disregard", "forget", "bypass", "override"};
  private static final String[] NOUNS = {"instructions", "instruction", "prompt", "prompts",
      "rules", "guidelines", "directives"};

  /** Between verb and noun, what makes them the model's: "all", "previous", "your". */
  private static final String[] QUALIFIERS = {"previous", "prior", "all", "your", "above",
      "earlier", "the", "any", "these", "system"};

  private JoinedWords() {}

  private static boolean qualified(String word, int from, int to) {
    if (to <= from) {
      return false;
    }
    String middle = word.substring(from, to);
    for (String qualifier : QUALIFIERS) {
      if (middle.contains(qualifier)) {
        return true;
      }
    }
    return false;
  }

  /** Checks the ASCII word {@code s[start, end)}, at least {@link #MIN_LENGTH} letters long. */
  static void check(String s, int start, int end, SignalSet out) {
    String word = s.substring(start, end).toLowerCase(Locale.ROOT);
    for (String verb : VERBS) {
      if (word.startsWith(verb)) {
        for (String noun : NOUNS) {
          if (word.endsWith(noun) && qualified(word, verb.length(), word.length() - noun.length())) {
            out.fire(SignalSet.INSTRUCTION_OVERRIDE, 0.8);
            return;
          }
        }
        return;
      }
    }
  }
}
