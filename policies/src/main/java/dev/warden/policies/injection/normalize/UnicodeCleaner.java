package dev.warden.policies.injection.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The slow path of normalisation, for text with at least one char that may change: removes
 * invisible characters (decoding TAG characters and variation-selector runs into hidden text),
 * applies NFKC, then folds look-alike letters and drops stray combining marks on ASCII letters.
 * Linear in the length of the text.
 */
final class UnicodeCleaner {

  /** Text hidden in invisible characters, to be scanned as a segment. */
  record Hidden(Encoding encoding, String text) {}

  /** The outcome: the cleaned text, what was found, and any hidden text. */
  record Cleaned(String text, Obfuscation obfuscation, List<Hidden> hidden) {}

  /** Emoji subdivision flags are U+1F3F4, up to six tag letters or digits, then a cancel tag. */
  private static final int BLACK_FLAG = 0x1F3F4;
  private static final int CANCEL_TAG = 0xE007F;
  private static final int MAX_FLAG_TAGS = 7;

  private final String source;
  private final StringBuilder out;
  private final List<Hidden> hidden = new ArrayList<>(0);
  private int invisible;
  private int inWord;
  private int bidi;
  private int smuggled;
  private int styled;
  private boolean rightToLeft;
  private boolean nonAscii;

  private UnicodeCleaner(String source) {
    this.source = source;
    this.out = new StringBuilder(source.length());
  }

  static Cleaned clean(String text, int maxHiddenChars) {
    UnicodeCleaner cleaner = new UnicodeCleaner(text);
    cleaner.removeInvisible(maxHiddenChars);
    String result = cleaner.out.toString();
    int homoglyphWords = 0;
    if (cleaner.nonAscii) {
      result = nfkc(result);
      if (LetterFolder.mayFold(result)) {
        LetterFolder folder = new LetterFolder(result);
        result = folder.fold();
        homoglyphWords = folder.homoglyphWords();
        cleaner.styled += folder.styledLetters();
      }
    }
    Obfuscation found = new Obfuscation(cleaner.invisible, cleaner.inWord,
        cleaner.rightToLeft ? 0 : cleaner.bidi, cleaner.smuggled, homoglyphWords, cleaner.styled);
    return new Cleaned(result, found, cleaner.hidden);
  }

  private void removeInvisible(int maxHiddenChars) {
    String s = source;
    int n = s.length();
    int previous = -1;
    int i = 0;
    while (i < n) {
      int asciiEnd = i;
      while (asciiEnd < n && isPlainAscii(s.charAt(asciiEnd))) {
        asciiEnd++;
      }
      if (asciiEnd > i) {
        out.append(s, i, asciiEnd);
        previous = s.charAt(asciiEnd - 1);
        i = asciiEnd;
        continue;
      }
      int cp = s.codePointAt(i);
      if (CharKinds.invisibleKind(cp) == CharKinds.VISIBLE) {
        if (cp >= 0x80) {
          nonAscii = true;
          if (!rightToLeft && CharKinds.isRightToLeft(cp)) {
            rightToLeft = true;
          }
          if (CharKinds.isStyledCompatibilityForm(cp)) {
            styled++;
          }
        }
        out.appendCodePoint(cp);
        previous = cp;
        i += Character.charCount(cp);
      } else {
        i = invisibleRun(i, previous, maxHiddenChars);
      }
    }
  }

  /** ASCII that stays as it is: printable, tab, line feed, form feed, carriage return. */
  private static boolean isPlainAscii(char c) {
    return c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  /**
   * NFKC, applied only to the stretches that hold non-ASCII chars, each with the char before it
   * (a combining mark may compose with an ASCII letter). Splitting before an ASCII char is safe:
   * no ASCII char composes with what precedes it. Mostly-ASCII text with a few no-break spaces
   * costs a few tiny normalisations instead of one over the whole text.
   */
  static String nfkc(String s) {
    StringBuilder out = null;
    int n = s.length();
    int copied = 0;
    int i = 0;
    while (i < n) {
      if (s.charAt(i) < 0x80) {
        i++;
        continue;
      }
      int start = Math.max(copied, i - 1);
      int end = i;
      while (end < n && s.charAt(end) >= 0x80) {
        end++;
      }
      String piece = s.substring(start, end);
      String normalized = Normalizer.normalize(piece, Normalizer.Form.NFKC);
      if (!normalized.equals(piece)) {
        if (out == null) {
          out = new StringBuilder(n + 16);
        }
        out.append(s, copied, start).append(normalized);
        copied = end;
      }
      i = end;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }


  /** Consumes the run of invisible code points that starts at {@code start}; returns where it ends. */
  private int invisibleRun(int start, int previous, int maxHiddenChars) {
    String s = source;
    int n = s.length();
    int splitting = 0;
    StringBuilder tags = null;
    boolean flagSequence = previous == BLACK_FLAG;
    boolean cancelled = false;
    byte[] selectors = null;
    int selectorCount = 0;
    int i = start;
    while (i < n) {
      int cp = s.codePointAt(i);
      int kind = CharKinds.invisibleKind(cp);
      if (kind == CharKinds.VISIBLE) {
        break;
      }
      invisible++;
      i += Character.charCount(cp);
      switch (kind) {
        case CharKinds.TAG -> {
          if (tags == null) {
            tags = new StringBuilder();
          }
          if (cp >= 0xE0020 && cp <= 0xE007E) {
            char ascii = (char) (cp - 0xE0000);
            if (tags.length() < maxHiddenChars) {
              tags.append(ascii);
            }
            flagSequence &= !cancelled && (ascii >= 'a' && ascii <= 'z' || ascii >= '0' && ascii <= '9');
          } else if (cp == CANCEL_TAG) {
            cancelled = true;
          } else {
            flagSequence = false;
          }
        }
        case CharKinds.VARIATION_SELECTOR -> {
          if (selectors == null) {
            selectors = new byte[16];
          } else if (selectorCount == selectors.length && selectorCount < maxHiddenChars * 4) {
            selectors = java.util.Arrays.copyOf(selectors, selectorCount * 2);
          }
          if (selectorCount < selectors.length) {
            selectors[selectorCount++] = (byte) CharKinds.selectorByte(cp);
          }
          splitting++;
        }
        case CharKinds.BIDI -> {
          bidi++;
          splitting++;
        }
        case CharKinds.SOFT_HYPHEN -> { }
        default -> splitting++;
      }
    }
    int next = i < n ? s.codePointAt(i) : -1;
    if (splitting > 0 && CharKinds.isAlphabeticLetter(previous) && CharKinds.isAlphabeticLetter(next)) {
      inWord += splitting;
    }
    if (tags != null && tags.length() > 0
        && !(flagSequence && cancelled && tags.length() <= MAX_FLAG_TAGS)) {
      smuggled += tags.length();
      hidden.add(new Hidden(Encoding.TAG_CHARACTERS, tags.toString()));
    }
    if (selectorCount >= 2) {
      String text = Utf8Text.decode(selectors, 0, selectorCount, 1);
      if (text != null) {
        smuggled += text.length();
        hidden.add(new Hidden(Encoding.VARIATION_SELECTORS, text));
      }
    }
    return i;
  }
}
