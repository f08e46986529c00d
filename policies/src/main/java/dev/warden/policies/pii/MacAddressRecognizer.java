package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds MAC addresses: six pairs of hex digits separated by colons or by hyphens, one separator
 * throughout ({@code 00:1A:2B:3C:4D:5E}, {@code 00-1a-2b-3c-4d-5e}), or Cisco's three dotted groups
 * of four ({@code 001a.2b3c.4d5e}). The dotted form needs at least one hex letter, so three runs of
 * four decimal digits ({@code 1234.5678.9012}) are left alone. Not part of a longer run of groups
 * ({@code 00:11:22:33:44:55:66}, an IPv6 address) and not glued to a letter or digit. Stateless and
 * thread-safe; looks only at the separators in the text.
 */
public final class MacAddressRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "MAC_ADDRESS";

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int floor = 0;
    for (int j = anchors.nextMark(2); j < n; j = anchors.nextMark(j + 1)) {
      char c = text.charAt(j);
      if (c != ':' && c != '-' && c != '.') {
        continue;
      }
      int s = c == '.' ? j - 4 : j - 2;
      if (s < floor || !WordBoundaries.isHex(text.charAt(s)) || !startsToken(text, s)) {
        continue;
      }
      int end = c == '.' ? ciscoEnd(text, s) : pairsEnd(text, s);
      if (end > 0 && !WordBoundaries.wordAt(text, end) && !continues(text, end)) {
        out.add(new Span(TYPE, s, end));
        floor = end;
        j = end;
      }
    }
  }

  private static boolean startsToken(CharSequence text, int i) {
    if (i == 0) {
      return true;
    }
    char prev = text.charAt(i - 1);
    if ((prev == ':' || prev == '-' || prev == '.') && i >= 2 && WordBoundaries.isHex(text.charAt(i - 2))) {
      return false;
    }
    return !WordBoundaries.wordBefore(text, i);
  }

  private static boolean continues(CharSequence text, int end) {
    if (end + 1 >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    return (c == ':' || c == '-' || c == '.') && WordBoundaries.isHex(text.charAt(end + 1));
  }

  /** {@code hh:hh:hh:hh:hh:hh} or with hyphens at {@code s}: its end, or -1. */
  private static int pairsEnd(CharSequence text, int s) {
    if (s + 17 > text.length()) {
      return -1;
    }
    char sep = text.charAt(s + 2);
    if (sep != ':' && sep != '-') {
      return -1;
    }
    for (int k = 0; k < 6; k++) {
      int p = s + 3 * k;
      if (!WordBoundaries.isHex(text.charAt(p)) || !WordBoundaries.isHex(text.charAt(p + 1))
          || (k < 5 && text.charAt(p + 2) != sep)) {
        return -1;
      }
    }
    return s + 17;
  }

  /** {@code hhhh.hhhh.hhhh} at {@code s}: its end, or -1. */
  private static int ciscoEnd(CharSequence text, int s) {
    if (s + 14 > text.length()) {
      return -1;
    }
    boolean letter = false;
    for (int k = 0; k < 14; k++) {
      char c = text.charAt(s + k);
      if (k == 4 || k == 9) {
        if (c != '.') {
          return -1;
        }
      } else if (!WordBoundaries.isHex(c)) {
        return -1;
      } else {
        letter |= c > '9';
      }
    }
    return letter ? s + 14 : -1;
  }
}
