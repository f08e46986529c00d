package dev.warden.policies.injection.signals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Misspelt and chat-speak forms of the words the override and leak rules read, each with the word
 * it stands for: "ignroe", "disregrad", "directoins", "prevoius" (a letter dropped, doubled, or
 * swapped with the next) and "ur", "u", "b4", "abuv", "rulez", "prev". Attackers misspell to slip
 * past word lists, and models read through the typos; so do the rules, which see the word a form
 * stands for ({@link Clause#word}) and are anchored on it too ({@link AnchorWords}). Forms that
 * are words of their own ("forge", "rule", "direction") are left alone.
 */
final class Misspellings {

  private static final String[] WORDS = {"ignore", "disregard", "forget", "override", "bypass",
      "previous", "prior", "instructions", "instruction", "directions", "directives",
      "guidelines", "rules", "restrictions", "above", "everything", "anything", "prompt",
      "system", "password", "secret", "pretend"};
  /** Misspellings that are words, or abbreviations, of their own. */
  private static final Set<String> REAL_WORDS = Set.of("restriction", "rule", "directive",
      "direction", "guideline", "forge", "prio");
  private static final Map<String, String> CHAT_SPEAK = Map.of("ur", "your", "u", "you", "b4",
      "before", "abuv", "above", "rulez", "rules", "prev", "previous", "pls", "please", "plz",
      "please", "wat", "what");
  private static final Map<String, String> WORD_OF = build();

  /**
   * {@link #WORD_OF} again as an open-addressed table on the strings' hashes: most words the rules
   * read are no misspelling, and a {@code Map.get} spends a division on each to say so.
   */
  private static final int SLOTS = 2048;
  private static final String[] FORMS = new String[SLOTS];
  private static final String[] WORDS_OF_FORMS = new String[SLOTS];

  static {
    for (Map.Entry<String, String> entry : WORD_OF.entrySet()) {
      int slot = slot(entry.getKey().hashCode());
      while (FORMS[slot] != null) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      FORMS[slot] = entry.getKey();
      WORDS_OF_FORMS[slot] = entry.getValue();
    }
  }

  private Misspellings() {}

  /** The word {@code lowerCaseWord} stands for: itself unless it is a misspelling in this list. */
  static String wordOf(String lowerCaseWord) {
    for (int slot = slot(lowerCaseWord.hashCode()); FORMS[slot] != null;
        slot = (slot + 1) & (SLOTS - 1)) {
      if (FORMS[slot].equals(lowerCaseWord)) {
        return WORDS_OF_FORMS[slot];
      }
    }
    return lowerCaseWord;
  }

  private static int slot(int hash) {
    return (hash * 0x9E3779B9) >>> 21;
  }

  /** Every misspelling, with the word it stands for. */
  static Map<String, String> all() {
    return WORD_OF;
  }

  private static Map<String, String> build() {
    Set<String> words = Set.of(WORDS);
    Map<String, String> wordOf = new HashMap<>(CHAT_SPEAK);
    for (String word : WORDS) {
      for (int i = 0; i < word.length(); i++) {
        String dropped = word.substring(0, i) + word.substring(i + 1);
        String doubled = word.substring(0, i + 1) + word.substring(i);
        if (dropped.length() >= 4) {
          put(wordOf, dropped, word, words);
        }
        put(wordOf, doubled, word, words);
        if (i + 1 < word.length()) {
          put(wordOf, word.substring(0, i) + word.charAt(i + 1) + word.charAt(i)
              + word.substring(i + 2), word, words);
        }
      }
    }
    return Map.copyOf(wordOf);
  }

  private static void put(Map<String, String> wordOf, String form, String word, Set<String> words) {
    if (!form.equals(word) && !words.contains(form) && !REAL_WORDS.contains(form)) {
      wordOf.putIfAbsent(form, word);
    }
  }
}
