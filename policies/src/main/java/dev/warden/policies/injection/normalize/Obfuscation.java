package dev.warden.policies.injection.normalize;

/**
 * What normalisation found that a reader of the rendered text would not see, as counts. All zero
 * for plain ASCII text.
 *
 * @param invisibleChars    invisible code points removed: zero-width characters, bidi controls,
 *                          soft hyphens, variation selectors, TAG characters, Hangul fillers,
 *                          control characters other than tab, line feed, carriage return and form feed
 * @param invisibleInWord   of those, the ones between two letters of an alphabetic script (Latin,
 *                          Greek, Cyrillic, Armenian) where a word was split: {@code ig\u200Bnore}.
 *                          Soft hyphens never count here (they are legitimate hyphenation hints),
 *                          nor joiners in scripts that need them (Arabic, Indic, emoji sequences)
 * @param strayBidiControls bidi controls (embeddings, overrides, isolates, marks) in a text that has
 *                          no right-to-left letters, where they can only reorder what is displayed
 * @param smuggledChars     characters of text hidden in TAG characters or in a run of variation
 *                          selectors (emoji subdivision flags such as England's are not counted)
 * @param homoglyphWords    words of three or more letters that mix Latin letters with look-alikes
 *                          from another script ({@code ign\u043Ere}), or that are spelled entirely in
 *                          look-alikes inside a text written mostly in Latin letters
 * @param styledChars       letters written in a decorative form that normalisation turned into
 *                          plain ones: fullwidth, mathematical alphanumerics, enclosed letters,
 *                          small capitals, or ASCII letters under stray combining marks
 */
public record Obfuscation(int invisibleChars, int invisibleInWord, int strayBidiControls,
    int smuggledChars, int homoglyphWords, int styledChars) {

  /** Nothing found. */
  public static final Obfuscation NONE = new Obfuscation(0, 0, 0, 0, 0, 0);

  /** Whether every count is zero. */
  public boolean isNone() {
    return invisibleChars == 0 && invisibleInWord == 0 && strayBidiControls == 0
        && smuggledChars == 0 && homoglyphWords == 0 && styledChars == 0;
  }

  /** The sum of both, count by count. */
  Obfuscation plus(Obfuscation other) {
    if (other.isNone()) {
      return this;
    }
    if (isNone()) {
      return other;
    }
    return new Obfuscation(invisibleChars + other.invisibleChars,
        invisibleInWord + other.invisibleInWord, strayBidiControls + other.strayBidiControls,
        smuggledChars + other.smuggledChars, homoglyphWords + other.homoglyphWords,
        styledChars + other.styledChars);
  }
}
