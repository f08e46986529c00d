package dev.warden.policies.injection.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Decodes the candidates {@link EncodedRuns} found, keeping only what decodes to text. Every method
 * returns null for "not an encoded segment" and costs time linear in the candidate's length.
 */
final class SegmentDecoders {

  /** A decoded candidate. */
  record Decoded(Encoding encoding, String text, boolean obfuscated) {}

  /** The shortest decoded text kept from base64, hex and percent-encoding. */
  static final int MIN_DECODED_CHARS = 8;

  /**
   * Frequent English words and the words of typical injections whose ROT13 images are not English
   * words themselves (so not "be", "or", "an", "he", "we", "on", "no").
   */
  static final Set<String> ENGLISH = Set.of(
      "the", "and", "you", "your", "that", "this", "with", "for", "are", "all", "not", "have",
      "what", "how", "is", "to", "of", "it", "in", "me", "now", "from", "will", "can", "write",
      "tell", "say", "please", "ignore", "previous", "instructions", "system", "prompt", "secret",
      "password", "rules", "must");

  private SegmentDecoders() {}

  static Decoded base64(String s, int start, int end) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean standard = false;
    boolean urlSafe = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '+' || c == '/') {
        standard = true;
      } else {
        urlSafe = true;
      }
    }
    if (standard && urlSafe || !(digit || upper && lower) || (end - start) % 4 == 1) {
      return null;
    }
    if (!upper && !lower || !upper && !standard && !urlSafe && allHex(s, start, end)) {
      return null; // digits only, or a lower-case hex run: not base64 text (hex() tries those)
    }
    Base64.Decoder decoder = urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder();
    byte[] bytes = decoder.decode(s.substring(start, end).getBytes(StandardCharsets.ISO_8859_1));
    String text = textOf(bytes, bytes.length);
    return text == null ? null : new Decoded(urlSafe ? Encoding.BASE64_URL : Encoding.BASE64, text, true);
  }

  /** A run of hex digits, maybe after {@code 0x}, of even length. */
  static Decoded hex(String s, int start, int end, int minChars) {
    if (end - start >= 2 && s.charAt(start) == '0' && (s.charAt(start + 1) | 0x20) == 'x') {
      start += 2;
    }
    int length = end - start;
    if (length < minChars || length % 2 != 0 || !allHex(s, start, end)) {
      return null;
    }
    byte[] bytes = new byte[length / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (Character.digit(s.charAt(start + 2 * i), 16) << 4
          | Character.digit(s.charAt(start + 2 * i + 1), 16));
    }
    String text = textOf(bytes, bytes.length);
    return text == null ? null : new Decoded(Encoding.HEX, text, true);
  }

  /** A token with {@code \xNN} escapes; other ASCII chars stand for themselves. */
  static Decoded hexEscapes(String s, int start, int end) {
    byte[] bytes = new byte[end - start];
    int length = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < end && s.charAt(i + 1) == 'x'
          && EncodedRuns.isHex(s.charAt(i + 2)) && EncodedRuns.isHex(s.charAt(i + 3))) {
        bytes[length++] = (byte) (Character.digit(s.charAt(i + 2), 16) << 4 | Character.digit(s.charAt(i + 3), 16));
        i += 3;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        return null;
      }
    }
    String text = textOf(bytes, length);
    return text == null ? null : new Decoded(Encoding.HEX, text, true);
  }

  /** A token with percent escapes; obfuscated when three or more escapes hide letters or digits. */
  static Decoded percent(String s, int start, int end) {
    byte[] raw = s.substring(start, end).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[raw.length];
    int length = 0;
    int hiddenAlphanumerics = 0;
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b == '%' && i + 2 < raw.length && EncodedRuns.isHex((char) raw[i + 1]) && EncodedRuns.isHex((char) raw[i + 2])) {
        int value = Character.digit(raw[i + 1], 16) << 4 | Character.digit(raw[i + 2], 16);
        if (value < 0x80 && Character.isLetterOrDigit(value)) {
          hiddenAlphanumerics++;
        }
        bytes[length++] = (byte) value;
        i += 2;
      } else {
        bytes[length++] = b;
      }
    }
    String text = Utf8Text.decode(bytes, 0, length, MIN_DECODED_CHARS);
    if (text == null || text.length() == end - start && text.equals(s.substring(start, end))) {
      return null;
    }
    return new Decoded(Encoding.PERCENT, text, hiddenAlphanumerics >= 3);
  }

  /**
   * A clause that looks like ROT13: kept when its rotation holds at least two frequent English
   * or injection words and more than twice as many as the clause itself.
   */
  static Decoded rot13(String s, int start, int end) {
    StringBuilder rotated = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      rotated.append(EncodedRuns.rot13(s.charAt(i)));
    }
    String text = rotated.toString();
    int decodedHits = englishWords(text, 0, text.length());
    int originalHits = englishWords(s, start, end);
    if (decodedHits < 2 || decodedHits <= 2 * originalHits) {
      return null;
    }
    return new Decoded(Encoding.ROT13, text.strip(), true);
  }

  /** The UTF-8 text of {@code bytes[0, length)} when it reads like text; else null. */
  private static String textOf(byte[] bytes, int length) {
    String text = Utf8Text.decode(bytes, 0, length, MIN_DECODED_CHARS);
    return text != null && Utf8Text.looksLikeText(text) ? text : null;
  }

  private static boolean allHex(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!EncodedRuns.isHex(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int englishWords(String s, int start, int end) {
    int hits = 0;
    int i = start;
    while (i < end) {
      while (i < end && !isAsciiLetter(s.charAt(i))) {
        i++;
      }
      int wordStart = i;
      while (i < end && isAsciiLetter(s.charAt(i))) {
        i++;
      }
      if (i > wordStart && i - wordStart <= 12
          && ENGLISH.contains(s.substring(wordStart, i).toLowerCase(java.util.Locale.ROOT))) {
        hits++;
      }
    }
    return hits;
  }

  static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }
}
