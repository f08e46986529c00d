package dev.warden.policies.injection.normalize;

/**
 * Folds look-alike letters to ASCII word by word, after NFKC. A word (a run of letters and
 * combining marks) has its homoglyphs folded when it also has Latin letters ({@code ign\u043Ere})
 * or when every letter in it folds ({@code \u0405\u04AE\u0405\u0422\u0415\u041C}); a word of
 * another script that merely contains some look-alikes ({@code \u041F\u0440\u0438\u0432\u0435\u0442})
 * is left alone, and so is a word spelled only in look-alikes beside such a word in a text that is
 * not mostly Latin ({@code \u0443\u0441\u0456} in a Ukrainian sentence is a word, not "yci").
 * Styled Latin forms (small capitals, dotless i) always fold. Combining marks that NFKC could not
 * compose into an ASCII letter are dropped, as in "Zalgo" text.
 *
 * <p>Counted as homoglyph words: mixed words of three or more letters, and words of three or more
 * letters spelled only in look-alikes when the text is mostly Latin and neither neighbouring word
 * is a word of that other language (a Greek quotation in an English text has words such as
 * {@code \u03B5\u03BD\u03C4\u03CC\u03C2} made only of look-alikes).
 */
final class LetterFolder {

  private static final int MIN_WORD = 3;

  private final String text;
  /** Computed at the first look-alike word: 0 not yet, 1 yes, 2 no. */
  private int latinDominant;
  private int homoglyphWords;
  private int styledLetters;

  LetterFolder(String text) {
    this.text = text;
  }

  int homoglyphWords() {
    return homoglyphWords;
  }

  int styledLetters() {
    return styledLetters;
  }

  /** Whether {@code s} has anything this class could fold: a look-alike, a mark, a supplementary char. */
  static boolean mayFold(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && (Confusables.fold(c) != 0 || Character.isSurrogate(c) || CharKinds.isMarkOrJamo(c))) {
        return true;
      }
    }
    return false;
  }

  /** The folded text; {@link #text} itself when nothing folds. */
  String fold() {
    String s = text;
    int n = s.length();
    StringBuilder out = null;
    int previousKind = OTHER;
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (!isWordPart(cp)) {
        if (out != null) {
          out.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
        continue;
      }
      int end = wordEnd(i);
      int kind = isAsciiRun(i, end) ? OTHER : kind(i, end);
      boolean besideForeign = kind == LOOK_ALIKE
          && (previousKind == FOREIGN || nextKind(end) == FOREIGN);
      if (besideForeign && !latinDominant()) {
        // "τις" in a Greek sentence, "усі" in a Ukrainian one: a word of that language
        kind = FOREIGN;
      }
      if (kind == MIXED || kind == LOOK_ALIKE || kind == NEEDS_FOLDING) {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        boolean count = kind == MIXED
            || kind == LOOK_ALIKE && latinDominant() && !besideForeign;
        if (count && letters(i, end) >= MIN_WORD) {
          homoglyphWords++;
        }
        foldWord(i, end, kind != NEEDS_FOLDING, out);
      } else if (out != null) {
        out.append(s, i, end);
      }
      previousKind = kind;
      i = end;
    }
    return out == null ? s : out.toString();
  }

  private boolean isAsciiRun(int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Plain Latin (or digits only), nothing to fold. */
  private static final int OTHER = 0;
  /** Latin letters and look-alikes from another script. */
  private static final int MIXED = 1;
  /** Only look-alikes (and maybe styled Latin forms). */
  private static final int LOOK_ALIKE = 2;
  /** Letters of another script that are no look-alikes: a word of that language. */
  private static final int FOREIGN = 3;
  /** Latin only, with styled forms or stray marks to fold. */
  private static final int NEEDS_FOLDING = 4;

  private int kind(int start, int end) {
    int latin = 0;
    int lookAlikes = 0;
    int foreign = 0;
    boolean foldable = false;
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x80 && CharKinds.isMarkOrJamo(cp)) {
        foldable = true;
      }
      if (!Character.isLetter(cp)) {
        continue;
      }
      if (Confusables.isHomoglyph(cp)) {
        lookAlikes++;
      } else if (Confusables.isStyled(cp)) {
        latin++;
        foldable = true;
      } else if (isLatin(cp)) {
        latin++;
      } else {
        foreign++;
      }
    }
    if (lookAlikes > 0) {
      return latin > 0 ? MIXED : foreign == 0 ? LOOK_ALIKE : FOREIGN;
    }
    if (foreign > 0) {
      return FOREIGN;
    }
    return foldable ? NEEDS_FOLDING : OTHER;
  }

  /** The kind of the next word after {@code from}, or {@link #OTHER} at the end. */
  private int nextKind(int from) {
    int i = from;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isWordPart(cp)) {
        return kind(i, wordEnd(i));
      }
      i += Character.charCount(cp);
    }
    return OTHER;
  }

  private int letters(int start, int end) {
    int letters = 0;
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
      }
    }
    return letters;
  }

  private int wordEnd(int start) {
    int i = start;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!isWordPart(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** Appends the word folded: styled forms always, homoglyphs when {@code homoglyphs}; stray marks on ASCII letters dropped. */
  private void foldWord(int start, int end, boolean homoglyphs, StringBuilder out) {
    boolean afterAsciiLetter = false;
    boolean marked = false;
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (afterAsciiLetter && Character.getType(cp) == Character.NON_SPACING_MARK) {
        if (!marked) {
          styledLetters++;
          marked = true;
        }
        continue;
      }
      char folded = Confusables.fold(cp);
      boolean styled = folded != 0 && Confusables.isStyled(cp);
      if (folded != 0 && (styled || homoglyphs)) {
        out.append(folded);
        // Turkish and Azerbaijani write the dotless ı as a letter of their own: it folds, uncounted
        if (styled && cp != '\u0131') {
          styledLetters++;
        }
        afterAsciiLetter = true;
      } else {
        out.appendCodePoint(cp);
        afterAsciiLetter = cp < 0x80;
      }
      marked = false;
    }
  }

  private static boolean isWordPart(int cp) {
    if (cp < 0x80) {
      return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    }
    return Character.isLetter(cp) || CharKinds.isMarkOrJamo(cp);
  }

  private static boolean isLatin(int cp) {
    return cp < 0x80 || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
  }

  private boolean latinDominant() {
    if (latinDominant == 0) {
      latinDominant = latinDominant(text) ? 1 : 2;
    }
    return latinDominant == 1;
  }

  /** Whether Latin letters outnumber letters of the scripts the homoglyph table draws from. */
  private static boolean latinDominant(String s) {
    int latin = 0;
    int lookAlikeScripts = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
          latin++;
        }
      } else if (Character.isLetter(cp)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.LATIN) {
          latin++;
        } else if (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK
            || script == Character.UnicodeScript.ARMENIAN || script == Character.UnicodeScript.CHEROKEE) {
          lookAlikeScripts++;
        }
      }
    }
    return latin > lookAlikeScripts;
  }
}
