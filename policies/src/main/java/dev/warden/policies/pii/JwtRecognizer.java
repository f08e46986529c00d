package dev.warden.policies.pii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Finds JSON Web Tokens in compact form: three base64url segments joined by dots (five for an
 * encrypted JWE), the first being a header that starts {@code eyJ} and decodes to a JSON object
 * with an {@code "alg"} member, the second a JSON object too ({@code ey…} or {@code e30} for
 * {@code {}}), the signature at least {@value #MIN_SIGNATURE} chars, or empty only for
 * {@code "alg":"none"}. The span is the whole token. Not glued to other base64url chars or dots.
 * Stateless and thread-safe; one {@code indexOf} pass for the {@code J} of {@code eyJ}, each candidate
 * decoded once (headers over {@value #MAX_HEADER} chars are not decoded and not reported).
 */
public final class JwtRecognizer implements Recognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "JWT";

  static final int MIN_SIGNATURE = 16;
  static final int MAX_HEADER = 2048;
  private static final int MIN_HEADER = 16;

  @Override
  public void find(CharSequence chars, List<Span> out) {
    String text = chars.toString();
    int n = text.length();
    int s = indexOf(text, 0);
    while (s >= 0) {
      int end = tokenEnd(text, s);
      if (end > 0) {
        out.add(new Span(TYPE, s, end));
      }
      int resume = end > 0 ? end : s + 3;
      s = resume < n ? indexOf(text, resume) : -1;
    }
  }

  /** Where the next {@code eyJ} starts; found by its rare {@code J}, as {@code e} is the commonest letter. */
  private static int indexOf(String text, int from) {
    int j = text.indexOf('J', from + 2);
    while (j >= 0 && (text.charAt(j - 1) != 'y' || text.charAt(j - 2) != 'e')) {
      j = text.indexOf('J', j + 1);
    }
    return j < 0 ? -1 : j - 2;
  }

  static boolean isBase64Url(char c) {
    return WordBoundaries.isAsciiWord(c) || c == '-' || c == '_';
  }

  private static int segmentEnd(CharSequence text, int from) {
    int p = from;
    while (p < text.length() && isBase64Url(text.charAt(p))) {
      p++;
    }
    return p;
  }

  /** The end of a JWT that starts at {@code s}, or -1. */
  private static int tokenEnd(CharSequence text, int s) {
    int n = text.length();
    if (s > 0 && (isBase64Url(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
      return -1;
    }
    int headerEnd = segmentEnd(text, s);
    if (headerEnd - s < MIN_HEADER || headerEnd - s > MAX_HEADER || headerEnd >= n || text.charAt(headerEnd) != '.') {
      return -1;
    }
    int payloadEnd = segmentEnd(text, headerEnd + 1);
    if (payloadEnd - headerEnd - 1 < 3 || text.charAt(headerEnd + 1) != 'e'
        || payloadEnd >= n || text.charAt(payloadEnd) != '.') {
      return -1;
    }
    int end = segmentEnd(text, payloadEnd + 1);
    int segments = 3;
    while (segments < 5 && end + 1 < n && text.charAt(end) == '.' && isBase64Url(text.charAt(end + 1))) {
      end = segmentEnd(text, end + 1);
      segments++;
    }
    if (segments == 4 || (end < n && text.charAt(end) == '.' && end + 1 < n && isBase64Url(text.charAt(end + 1)))) {
      return -1;
    }
    String header = decodedHeader(text, s, headerEnd);
    if (header == null || !header.startsWith("{") || !header.contains("\"alg\"")) {
      return -1;
    }
    int signature = end - payloadEnd - 1;
    if (segments == 3 && signature < MIN_SIGNATURE && !(signature == 0 && header.contains("\"none\""))) {
      return -1;
    }
    return end;
  }

  private static String decodedHeader(CharSequence text, int start, int end) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(text.subSequence(start, end).toString());
      return new String(json, StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
