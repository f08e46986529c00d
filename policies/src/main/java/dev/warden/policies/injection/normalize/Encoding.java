package dev.warden.policies.injection.normalize;

/** How a {@link DecodedSegment} was hidden in the text it was found in. */
public enum Encoding {
  /** Standard base64 ({@code +/}), padding optional. */
  BASE64,
  /** URL-safe base64 ({@code -_}), padding optional. */
  BASE64_URL,
  /** Hexadecimal bytes, as one run of digits ({@code 69676e6f7265}) or {@code \x69\x67} escapes. */
  HEX,
  /** URL percent-encoding ({@code %69%67}). */
  PERCENT,
  /** The ROT13 letter rotation. */
  ROT13,
  /** Digits for letters: {@code 1gn0r3 4ll pr3v10us}. */
  LEETSPEAK,
  /** One letter per word: {@code i g n o r e   a l l}. */
  SPACED_LETTERS,
  /** Unicode TAG characters (U+E0020–U+E007E), each an invisible copy of one ASCII character. */
  TAG_CHARACTERS,
  /** A run of variation selectors after one character, each selector carrying one byte. */
  VARIATION_SELECTORS,
  /**
   * Quoted fragments an expression joins: {@code a = "Ignore all"}, {@code b = " previous"},
   * {@code a + b}.
   */
  SPLIT_STRINGS
}
