package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds IP addresses.
 *
 * <ul>
 *   <li>IPv4: a dotted quad of decimal numbers 0–255 without leading zeros ({@code 192.168.1.10};
 *       not {@code 192.168.01.10}, not {@code 256.1.1.1}), not part of a longer dotted number
 *       ({@code 1.2.3.4.5}) and not glued to a letter or digit ({@code v1.2.3.4}).</li>
 *   <li>IPv6: eight groups of one to four hex digits, or fewer with one {@code ::}, optionally
 *       ending in an embedded IPv4 quad ({@code ::ffff:192.0.2.1}) and a zone ({@code fe80::1%eth0},
 *       the zone is part of the span). Brackets ({@code [2001:db8::1]:443}) and ports stay outside the
 *       span. A compressed address needs at least two groups and four hex digits, so {@code ::1},
 *       {@code ::} and code such as {@code a::b} are not reported; neither are clock times
 *       ({@code 10:30:45}), which lack the groups.</li>
 * </ul>
 *
 * Stateless and thread-safe; looks only at the {@code .} and {@code :} of the text, each candidate
 * start tried once.
 */
public final class IpAddressRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "IP_ADDRESS";

  private static final int MAX_ZONE = 64;

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int floor = 0;
    int tried = -1;
    for (int j = anchors.nextMark(0); j < n; j = anchors.nextMark(j + 1)) {
      char c = text.charAt(j);
      if (c != '.' && c != ':') {
        continue;
      }
      int s = j;
      while (s > floor && j - s < 4 && WordBoundaries.isHex(text.charAt(s - 1))) {
        s--;
      }
      boolean leadingColons = c == ':' && s == j && j + 1 < n && text.charAt(j + 1) == ':';
      if ((s == j && !leadingColons) || s <= tried) {
        continue;
      }
      tried = s;
      if (!startsToken(text, s)) {
        continue;
      }
      int end = ipv6End(text, s);
      if (end < 0 && WordBoundaries.isDigit(text.charAt(s))) {
        end = ipv4End(text, s);
        if (end > 0 && (WordBoundaries.wordAt(text, end) || continuesAddress(text, end, true))) {
          end = -1;
        }
      }
      if (end > 0) {
        out.add(new Span(TYPE, s, end));
        floor = end;
        tried = end;
        j = end - 1;
      }
    }
  }

  private static boolean startsToken(CharSequence text, int i) {
    if (i == 0) {
      return true;
    }
    char prev = text.charAt(i - 1);
    if (prev == ':' || prev == '%') {
      return false;
    }
    if (prev == '.' && i >= 2 && WordBoundaries.isAsciiWord(text.charAt(i - 2))) {
      return false;
    }
    return !WordBoundaries.wordBefore(text, i);
  }

  /**
   * After an address: a dot or colon that goes on with more address-like chars; with
   * {@code portAllowed} (IPv4), {@code :digits} that ends there is a port and does not count.
   */
  private static boolean continuesAddress(CharSequence text, int end, boolean portAllowed) {
    if (end + 1 >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    char next = text.charAt(end + 1);
    return (c == '.' && WordBoundaries.isDigit(next)) || (c == ':' && (next == ':' || WordBoundaries.isHex(next)
        && !(portAllowed && portFollows(text, end))));
  }

  /** Whether {@code :digits} at {@code colon} is a port: digits only, then a non-word char. */
  private static boolean portFollows(CharSequence text, int colon) {
    int p = colon + 1;
    while (p < text.length() && WordBoundaries.isDigit(text.charAt(p))) {
      p++;
    }
    return p > colon + 1 && p - colon <= 6 && !WordBoundaries.wordAt(text, p) && !(p < text.length()
        && (text.charAt(p) == ':' || text.charAt(p) == '.'));
  }

  /** The end of a dotted quad at {@code s}, or -1; the caller checks what follows. */
  static int ipv4End(CharSequence text, int s) {
    int n = text.length();
    int p = s;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (p >= n || text.charAt(p) != '.') {
          return -1;
        }
        p++;
      }
      int q = p;
      int value = 0;
      while (q < n && q - p < 4 && WordBoundaries.isDigit(text.charAt(q))) {
        value = value * 10 + (text.charAt(q) - '0');
        q++;
      }
      int len = q - p;
      if (len == 0 || len > 3 || value > 255 || (len > 1 && text.charAt(p) == '0')) {
        return -1;
      }
      p = q;
    }
    return p;
  }

  /** The end of an IPv6 address at {@code s} (with its zone), or -1. */
  private static int ipv6End(CharSequence text, int s) {
    int n = text.length();
    int p = s;
    int groups = 0;
    int hexDigits = 0;
    boolean compressed = false;
    if (p + 1 < n && text.charAt(p) == ':' && text.charAt(p + 1) == ':') {
      compressed = true;
      p += 2;
    } else if (text.charAt(p) == ':') {
      return -1;
    }
    while (true) {
      int q = p;
      while (q < n && q - p < 5 && WordBoundaries.isHex(text.charAt(q))) {
        q++;
      }
      int len = q - p;
      if (len == 0) {
        break;
      }
      if (len > 4) {
        return -1;
      }
      if (q < n && text.charAt(q) == '.' && groups <= 6) {
        int v4 = ipv4End(text, p);
        if (v4 < 0) {
          return -1;
        }
        groups += 2;
        hexDigits += 4;
        p = v4;
        break;
      }
      groups++;
      hexDigits += len;
      p = q;
      if (groups == 8) {
        break;
      }
      if (p + 1 < n && text.charAt(p) == ':' && text.charAt(p + 1) == ':') {
        if (compressed) {
          return -1;
        }
        compressed = true;
        p += 2;
        if (p >= n || !WordBoundaries.isHex(text.charAt(p))) {
          break;
        }
      } else if (p + 1 < n && text.charAt(p) == ':' && WordBoundaries.isHex(text.charAt(p + 1))) {
        p++;
      } else {
        break;
      }
    }
    boolean ok = compressed ? groups <= 7 && groups >= 2 && hexDigits >= 4 : groups == 8;
    if (!ok) {
      return -1;
    }
    int end = p;
    if (end + 1 < n && text.charAt(end) == '%' && isZoneChar(text.charAt(end + 1))) {
      end++;
      while (end < n && end - p <= MAX_ZONE && isZoneChar(text.charAt(end))) {
        end++;
      }
    }
    if (WordBoundaries.wordAt(text, end) || continuesAddress(text, end, false)) {
      return -1;
    }
    return end;
  }

  private static boolean isZoneChar(char c) {
    return WordBoundaries.isAsciiWord(c) || c == '_' || c == '.' || c == '-' || c == '~';
  }
}
