package dev.warden.policies.injection.signals;

import java.util.Arrays;

/**
 * What the model guards, as running text names it: "the password", "the access code", "my system
 * prompt", "the instructions I was given". Lower case, matched inside a lowered stretch of text by
 * the rules that read a quoted opening or a text's last line.
 */
final class GuardedPhrases {

  private static final String[] NAMED = {"password", "passcode", "passphrase", "access code",
      "secret code", "secret word", "secret key", "system prompt", "my instructions", "my prompt",
      "hidden prompt", "initial prompt", "instructions i was given"};

  private GuardedPhrases() {}

  /** The phrases above and a rule's own {@code extra} ones. */
  static String[] with(String... extra) {
    String[] all = Arrays.copyOf(NAMED, NAMED.length + extra.length);
    System.arraycopy(extra, 0, all, NAMED.length, extra.length);
    return all;
  }
}
