package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds payment card numbers: 13 to 19 digits, written as one run or in groups separated by one
 * space or one hyphen (the same separator throughout), that pass the Luhn check and start with the
 * prefix of a known issuer at a length that issuer uses:
 *
 * <table>
 *   <caption>issuer prefixes and lengths</caption>
 *   <tr><th>issuer</th><th>prefix</th><th>digits</th></tr>
 *   <tr><td>Visa</td><td>4</td><td>13, 16, 19</td></tr>
 *   <tr><td>Mastercard</td><td>51–55, 2221–2720</td><td>16</td></tr>
 *   <tr><td>American Express</td><td>34, 37</td><td>15</td></tr>
 *   <tr><td>Diners Club</td><td>300–305, 309, 36, 38, 39</td><td>14–19</td></tr>
 *   <tr><td>JCB</td><td>3528–3589</td><td>16–19</td></tr>
 *   <tr><td>Discover, UnionPay, Maestro</td><td>6011, 644–649, 65; 62; 50, 56–69</td><td>13–19</td></tr>
 *   <tr><td>UATP</td><td>1</td><td>15</td></tr>
 * </table>
 *
 * <p>Grouped numbers must be grouped as printed cards are: fours with a shorter last group
 * ({@code 4111 1111 1111 1111}, {@code 4111-1111-1111-1111-111}), or 4-6-5 / 4-6-4 (Amex, Diners).
 * A run glued to a letter or digit, or continuing a longer number ({@code 1.4111…}, {@code …1111-2}),
 * is not a card. Stateless and thread-safe; looks only at the digit runs of the text.
 */
public final class CreditCardRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "CREDIT_CARD";

  private static final int MAX_GROUPS = 6;

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int[] groups = new int[MAX_GROUPS];
    int i = anchors.nextDigitRun(0);
    while (i < n) {
      int start = i;
      int count = 0;
      int digits = 0;
      char sep = 0;
      boolean tooLong = false;
      int p = i;
      while (true) {
        int q = p;
        while (q < n && WordBoundaries.isDigit(text.charAt(q))) {
          q++;
        }
        digits += q - p;
        if (count < MAX_GROUPS) {
          groups[count] = q - p;
        }
        count++;
        i = q;
        if (digits > 19 || count > MAX_GROUPS) {
          tooLong = true;
        }
        boolean groupsSoFar = q - p == 4 || (count == 2 && q - p == 6 && groups[0] == 4);
        if (groupsSoFar && q + 1 < n && (text.charAt(q) == ' ' || text.charAt(q) == '-')
            && (sep == 0 || sep == text.charAt(q)) && shortGroupAt(text, q + 1) && !tooLong) {
          sep = text.charAt(q);
          p = q + 1;
        } else {
          break;
        }
      }
      int end = i;
      if (!tooLong && digits >= 13 && standsAlone(text, start, end) && grouped(groups, count)
          && issuer(text, start, end, digits) && Checksums.luhn(text, start, end)) {
        out.add(new Span(TYPE, start, end));
      }
      i = anchors.nextDigitRun(end);
    }
  }

  /** Whether one to six digits start at {@code p}: a group a printed card number could go on with. */
  private static boolean shortGroupAt(CharSequence text, int p) {
    int q = p;
    while (q < text.length() && q - p <= 6 && WordBoundaries.isDigit(text.charAt(q))) {
      q++;
    }
    return q > p && q - p <= 6;
  }

  private static boolean standsAlone(CharSequence text, int start, int end) {
    if (!WordBoundaries.standsAlone(text, start, end)) {
      return false;
    }
    if (start >= 2 && continuesNumber(text.charAt(start - 1)) && WordBoundaries.isDigit(text.charAt(start - 2))) {
      return false;
    }
    return !(end + 1 < text.length() && continuesNumber(text.charAt(end))
        && WordBoundaries.isDigit(text.charAt(end + 1)));
  }

  private static boolean continuesNumber(char c) {
    return c == '.' || c == ',' || c == '-' || c == '/';
  }

  private static boolean grouped(int[] groups, int count) {
    if (count == 1) {
      return true;
    }
    if (count == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4)) {
      return true;
    }
    for (int g = 0; g < count - 1; g++) {
      if (groups[g] != 4) {
        return false;
      }
    }
    return groups[count - 1] >= 1 && groups[count - 1] <= 4;
  }

  /** Whether the digits of {@code [start, end)} begin with a known issuer prefix valid at this length. */
  private static boolean issuer(CharSequence text, int start, int end, int length) {
    int prefix = 0;
    int seen = 0;
    for (int i = start; i < end && seen < 4; i++) {
      char c = text.charAt(i);
      if (WordBoundaries.isDigit(c)) {
        prefix = prefix * 10 + (c - '0');
        seen++;
      }
    }
    int two = prefix / 100;
    int three = prefix / 10;
    return switch (prefix / 1000) {
      case 1 -> length == 15;
      case 2 -> prefix >= 2221 && prefix <= 2720 && length == 16;
      case 3 -> ((two == 34 || two == 37) && length == 15)
          || ((three >= 300 && three <= 305 || three == 309 || two == 36 || two == 38 || two == 39) && length >= 14)
          || (prefix >= 3528 && prefix <= 3589 && length >= 16);
      case 4 -> length == 13 || length == 16 || length == 19;
      case 5 -> two >= 51 && two <= 55 ? length == 16 : two == 50 || two >= 56;
      case 6 -> true;
      default -> false;
    };
  }
}
