package dev.warden.policies.injection.normalize;

import java.text.Normalizer;

/**
 * Classifies code points for normalisation: which are invisible and how, which letters are
 * styled, and, for the fast path, whether a char can be left as it is.
 */
final class CharKinds {

  static final int VISIBLE = 0;
  /** Zero-width spaces and joiners, word joiner, invisible operators, BOM, fillers. */
  static final int ZERO_WIDTH = 1;
  /** Bidi embeddings, overrides, isolates and marks. */
  static final int BIDI = 2;
  static final int SOFT_HYPHEN = 3;
  static final int VARIATION_SELECTOR = 4;
  /** U+E0000–U+E007F. */
  static final int TAG = 5;
  /** C0 and C1 controls other than tab, line feed, form feed and carriage return, and DEL. */
  static final int CONTROL = 6;

  /** Per BMP char: 0 not yet known, 1 stays as it is, 2 needs the slow path. */
  private static final byte[] NEEDS_WORK = new byte[0x10000];

  private CharKinds() {}

  /** The invisible kind of {@code cp}, or {@link #VISIBLE}. */
  static int invisibleKind(int cp) {
    if (cp < 0xA0) {
      if (cp < 0x20) {
        return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ? VISIBLE : CONTROL;
      }
      return cp >= 0x7F ? CONTROL : VISIBLE;
    }
    if (cp == 0xAD) {
      return SOFT_HYPHEN;
    }
    if (cp < 0x034F) {
      return VISIBLE;
    }
    if (cp >= 0x200B && cp <= 0x200D || cp >= 0x2060 && cp <= 0x2064 || cp == 0xFEFF
        || cp == 0x034F || cp == 0x180E || cp == 0x115F || cp == 0x1160 || cp == 0x3164
        || cp == 0xFFA0 || cp >= 0xFFF9 && cp <= 0xFFFB || cp >= 0x1D173 && cp <= 0x1D17A) {
      return ZERO_WIDTH;
    }
    if (cp == 0x200E || cp == 0x200F || cp == 0x061C || cp >= 0x202A && cp <= 0x202E
        || cp >= 0x2066 && cp <= 0x2069) {
      return BIDI;
    }
    if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
      return VARIATION_SELECTOR;
    }
    if (cp >= 0xE0000 && cp <= 0xE007F) {
      return TAG;
    }
    return VISIBLE;
  }

  /** The byte a variation selector carries: FE00–FE0F are 0–15, E0100–E01EF are 16–255. */
  static int selectorByte(int cp) {
    return cp <= 0xFE0F ? cp - 0xFE00 : cp - 0xE0100 + 16;
  }

  /**
   * Whether a non-ASCII BMP char that is not a surrogate may change under normalisation: it is
   * invisible, a look-alike, a combining mark or conjoining jamo (NFKC composes those with what
   * precedes them), or NFKC maps it to something else. Cached per char; the cache is a benign race
   * (every thread computes the same value).
   */
  static boolean needsWork(char c) {
    byte known = NEEDS_WORK[c];
    if (known == 0) {
      known = computeNeedsWork(c) ? (byte) 2 : (byte) 1;
      NEEDS_WORK[c] = known;
    }
    return known == 2;
  }

  private static boolean computeNeedsWork(char c) {
    if (invisibleKind(c) != VISIBLE || Confusables.fold(c) != 0 || isMarkOrJamo(c)) {
      return true;
    }
    return !Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFKC);
  }

  /** Whether a supplementary code point may change: all but emoji and CJK ideographs do. */
  static boolean supplementaryNeedsWork(int cp) {
    return !(cp >= 0x1F300 && cp <= 0x1FAFF
        || cp >= 0x20000 && cp <= 0x2F7FF || cp >= 0x30000 && cp <= 0x3FFFF);
  }

  static boolean isMarkOrJamo(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || cp >= 0x1100 && cp <= 0x11FF || cp >= 0xA960 && cp <= 0xA97F
        || cp >= 0xD7B0 && cp <= 0xD7FF;
  }

  /** Whether {@code cp} is a letter of a script that separates words by spaces and splits no word with joiners. */
  static boolean isAlphabeticLetter(int cp) {
    if (cp < 0x80) {
      return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    }
    if (!Character.isLetter(cp)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
        || script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.ARMENIAN;
  }

  static boolean isRightToLeft(int cp) {
    byte direction = Character.getDirectionality(cp);
    return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  /** Letters and digits in a decorative compatibility form that NFKC maps to ASCII. */
  static boolean isStyledCompatibilityForm(int cp) {
    return cp >= 0xFF10 && cp <= 0xFF19 || cp >= 0xFF21 && cp <= 0xFF3A
        || cp >= 0xFF41 && cp <= 0xFF5A || cp >= 0x1D400 && cp <= 0x1D7FF
        || cp >= 0x24B6 && cp <= 0x24E9 || cp >= 0x1F130 && cp <= 0x1F149;
  }
}
