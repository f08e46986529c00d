package dev.warden.policies.injection.signals;

import dev.warden.policies.injection.normalize.DecodedSegment;
import dev.warden.policies.injection.normalize.NormalizedText;
import dev.warden.policies.injection.normalize.Obfuscation;

/** Turns what normalisation found (layer 1) into signals. */
final class ObfuscationSignals {

  private static final int MIN_STYLED = 4;
  private static final int PROSE_WORDS = 4;

  private ObfuscationSignals() {}

  static void add(NormalizedText text, SignalSet out) {
    Obfuscation found = text.obfuscation();
    if (found.invisibleInWord() > 0) {
      out.fire(SignalSet.INVISIBLE_CHARS, Math.min(0.9, 0.5 + 0.1 * found.invisibleInWord()));
    }
    if (found.strayBidiControls() > 0) {
      out.fire(SignalSet.BIDI_CONTROL, found.strayBidiControls() >= 3 ? 0.7 : 0.6);
    }
    if (found.smuggledChars() > 0) {
      out.fire(SignalSet.SMUGGLED_TEXT, 0.9);
    }
    if (found.homoglyphWords() > 0) {
      out.fire(SignalSet.HOMOGLYPH_MIXING, found.homoglyphWords() >= 2 ? 0.8 : 0.6);
    }
    if (found.styledChars() >= MIN_STYLED) {
      out.fire(SignalSet.STYLED_LETTERS, 0.3);
    }
    for (DecodedSegment segment : text.segments()) {
      if (!segment.obfuscated()) {
        continue;
      }
      double strength = switch (segment.encoding()) {
        case BASE64, BASE64_URL, HEX -> proseWords(segment.text()) >= PROSE_WORDS ? 0.5 : 0.3;
        case ROT13, PERCENT -> 0.5;
        case LEETSPEAK, SPACED_LETTERS -> 0.3;
        case TAG_CHARACTERS, VARIATION_SELECTORS, SPLIT_STRINGS -> 0;
      };
      if (strength > 0) {
        out.fire(SignalSet.ENCODED_TEXT, strength);
      }
    }
  }

  /** Words of two or more letters separated by spaces, counting up to {@link #PROSE_WORDS}. */
  private static int proseWords(String text) {
    int words = 0;
    int letters = 0;
    for (int i = 0; i < text.length() && words < PROSE_WORDS; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      } else {
        if (c == ' ' && letters >= 2) {
          words++;
        }
        letters = 0;
      }
    }
    return words;
  }
}
