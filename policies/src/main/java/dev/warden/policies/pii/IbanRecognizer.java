package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds International Bank Account Numbers: a country code, two check digits (02–98) and the
 * country's basic bank account number, exactly as long as that country's IBANs are, whose
 * ISO 7064 mod-97 remainder is 1. Written as one run ({@code DE89370400440532013000}) or in the
 * printed form with one space after every four characters ({@code DE89 3704 0044 0532 0130 00}).
 * Upper or lower case, the country code in one case.
 *
 * <p>The length table covers every SEPA country and the other countries of the SWIFT IBAN
 * registry (about 90). A run glued to a letter or digit, or longer than the country's length, is
 * not an IBAN. Stateless and thread-safe; looks only at the digit runs that follow a letter, at most one
 * bounded look-ahead per two letters followed by two digits.
 */
public final class IbanRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "IBAN";

  /** IBAN length by country, indexed by {@code (first - 'A') * 26 + (second - 'A')}; 0 = no IBAN. */
  private static final byte[] LENGTHS = new byte[26 * 26];

  static {
    String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 "
        + "DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 "
        + "IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 "
        + "NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 "
        + "SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    for (String entry : table.split(" ")) {
      LENGTHS[(entry.charAt(0) - 'A') * 26 + (entry.charAt(1) - 'A')] = (byte) Integer.parseInt(entry.substring(2));
    }
  }

  /** The IBAN length of a country (upper-case ISO 3166 code), or 0 when it has no IBAN. */
  static int lengthOf(char first, char second) {
    return LENGTHS[(first - 'A') * 26 + (second - 'A')];
  }

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int i = anchors.nextDigitRunAfterLetter(2);
    while (i + 1 < n) {
      int end = WordBoundaries.isDigit(text.charAt(i + 1)) ? endOf(text, i - 2) : -1;
      if (end > 0) {
        out.add(new Span(TYPE, i - 2, end));
        i = anchors.nextDigitRunAfterLetter(end);
      } else {
        i = anchors.nextDigitRunAfterLetter(i + 1);
      }
    }
  }

  /** The end of the IBAN that starts at {@code s}, or -1. */
  private static int endOf(CharSequence text, int s) {
    char a = text.charAt(s);
    char b = text.charAt(s + 1);
    boolean upper = a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
    boolean lower = a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z';
    if (!(upper || lower) || WordBoundaries.wordBefore(text, s)) {
      return -1;
    }
    int length = lengthOf(Character.toUpperCase(a), Character.toUpperCase(b));
    int check = (text.charAt(s + 2) - '0') * 10 + (text.charAt(s + 3) - '0');
    if (length == 0 || check < 2 || check > 98) {
      return -1;
    }
    int n = text.length();
    boolean spaced = s + 5 < n && text.charAt(s + 4) == ' ';
    int p = s + 4;
    int taken = 4;
    while (taken < length) {
      if (p >= n) {
        return -1;
      }
      char c = text.charAt(p);
      if (c == ' ' && spaced && taken % 4 == 0 && text.charAt(p - 1) != ' ') {
        p++;
        continue;
      }
      if (!WordBoundaries.isAsciiWord(c)) {
        return -1;
      }
      if (spaced && taken % 4 == 0 && text.charAt(p - 1) != ' ') {
        return -1;
      }
      taken++;
      p++;
    }
    if (WordBoundaries.wordAt(text, p) || !Checksums.mod97(text, s, p)) {
      return -1;
    }
    return p;
  }
}
