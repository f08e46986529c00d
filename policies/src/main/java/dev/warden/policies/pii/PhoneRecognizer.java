package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds telephone numbers, international and national.
 *
 * <p>A candidate is a run of digit groups joined by single separators (space, no-break space,
 * hyphen, dot, slash), optionally led by {@code +} and a country code, with one parenthesised group
 * first or right after the country code ({@code (415) 555-0132}, {@code +44 (0)20 7946 0958}), and
 * optionally followed by an extension ({@code x123}, {@code ext. 123}). It is a phone number when:
 * <ul>
 *   <li>it has 8–15 digits after {@code +}, 10–17 after an {@code 00}/{@code 011} international
 *       prefix, 7–13 otherwise;</li>
 *   <li>a short national form needs a phone word nearby (one of {@code call}, {@code phone},
 *       {@code tel}, {@code mobile}, {@code fax}, {@code contact}, … ending at most 40 chars before,
 *       or {@code office}, {@code mobile}, {@code home}, … right after): six digits in three pairs
 *       ({@code call 33 93 31}), and two groups of one or two digits then four or five
 *       ({@code 13 70486} is more often a house number and a postcode);</li>
 *   <li>the separators agree: apart from the one after the first group (the country code, or a
 *       space after an area code as in {@code 415 555-0132}) and those around the parenthesised
 *       group, all are the same char; {@code /} only between two groups;</li>
 *   <li>the grouping is plausible: at most one single-digit group (not counting the country code or
 *       a {@code (0)} trunk), the last group at least two digits, dot-separated groups at least two
 *       digits;</li>
 *   <li>a run of digits without separators is 10 digits shaped like a North American or Indian
 *       mobile number, 11 digits like a Chinese mobile ({@code 1[3-9]…}) or a national number with
 *       trunk {@code 0}, or has a {@code +}/{@code 00} prefix.</li>
 * </ul>
 *
 * <p>Rejected, because they are something else: dates ({@code 2024-01-02}, {@code 12.03.1985},
 * a date followed by a time), clock times ({@code …14:30}), IPv4 addresses and version numbers
 * ({@code 192.168.1.10}, {@code 10.0.19041.1}), SSN-shaped {@code 3-2-4} groups (the
 * {@link UsSsnRecognizer}'s), decimal numbers ({@code 25609.64}: two groups joined by a dot), thousands groupings ({@code 1 234 567}, {@code 10.000.000}), year
 * ranges and ascending ranges ({@code 1990-2000}, {@code 100-250}), lists of round numbers or powers
 * of two ({@code 1024 2048 4096}), amounts after a currency sign or before a percent sign, numbers
 * right after an address unit word ({@code Apt. 722 20 40}, {@code Suite 12}, see
 * {@link WordBoundaries#afterUnitWord}), numbers
 * of one repeated digit, and long uniform runs that look like card numbers or IDs (more than 13
 * digits in evenly separated groups, which also vetoes any shorter number inside them). A run glued
 * to a letter, or continuing a longer token ({@code ID-555…}, {@code 1.555…}), is vetoed whole.
 *
 * <p>Several numbers in one run ({@code 415-555-0132 415-555-0199}) are found separately when a
 * space divides them; the longest valid reading from each start wins. Known gaps: six-digit numbers
 * in other groupings, and two-group German extensions ({@code +49 30 12345-678}, found without the extension).
 * Stateless and thread-safe; one pass over the text, each run (see {@link PhoneRun}) examined in
 * constant time per group.
 */
public final class PhoneRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "PHONE";

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    PhoneRun run = new PhoneRun(text);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if ((char) (c - '0') > 9 && c != '+' && c != '(') {
        i = anchors.nextDigitRunOrSign(i + 1);
        continue;
      }
      int end = run.parse(i);
      if (end < 0) {
        i++;
        continue;
      }
      if (run.mayHoldAPhone() && !run.vetoed()) {
        run.emit(out);
      }
      i = end;
    }
  }
}
