package dev.warden.benchmarks;

/**
 * Puts a benchmark's JVM where an application's always is: it has used strings of both of the
 * JDK's encodings (Latin-1 and UTF-16). A JVM that has never seen a UTF-16 string compiles
 * {@code String.charAt} without that branch, so loops over chars run faster than in any
 * application; one that has seen a few UTF-16 reads only compiled them worse (PII scan of prose,
 * before its loops read {@code char[]} copies: about 500, 265 and, in this state, 460 MB/s). Every
 * benchmark calls {@link #seeBothEncodings} in its set-up, before its own code is compiled.
 */
public final class ApplicationStrings {

  private ApplicationStrings() {}

  /** Reads chars of a UTF-16 and of a Latin-1 string, enough times to show in the profiles. */
  public static int seeBothEncodings() {
    String utf16 = "na\u00efve \u201cquoted\u201d \u20ac 10 \u2014 caf\u00e9".repeat(50);
    String latin1 = "plain ASCII text, 10 EUR - cafe".repeat(50);
    int sum = 0;
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < utf16.length(); i++) {
        sum += utf16.charAt(i);
      }
      for (int i = 0; i < latin1.length(); i++) {
        sum += latin1.charAt(i);
      }
    }
    return sum;
  }
}
