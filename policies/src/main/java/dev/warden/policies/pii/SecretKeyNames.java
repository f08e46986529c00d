package dev.warden.policies.pii;

import java.util.Arrays;

/**
 * What a key name says about the value assigned to it, for {@link SecretRecognizer}: a password
 * ({@code passw} as in password/passwd/Passwort, {@code pwd}, {@code kennwort}, {@code motdepasse},
 * {@code mot_de_passe}, {@code contrasena}, {@code senha}), an {@code authorization} header, or another
 * secret ({@code secret}, {@code token}, {@code api_key}/{@code apikey}/{@code api-key},
 * {@code access_key}/{@code accesskey}, {@code private_key}/{@code privatekey}, {@code credential}),
 * each word anywhere in the name, ASCII case-insensitively. One pass over the name: only where two
 * chars begin some word are the words that start with them compared.
 */
final class SecretKeyNames {

  static final int NONE = 0;
  static final int SECRET = 1;
  static final int AUTHORIZATION = 2;
  static final int PASSWORD = 3;

  private static final String[] PASSWORD_WORDS = {
      "passw", "pwd", "kennwort", "motdepasse", "mot_de_passe", "contrasena", "senha"};
  private static final String[] SECRET_WORDS = {
      "secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "private_key", "privatekey",
      "credential"};

  /** The words by their first char, and the kind each word names. */
  private static final String[][] WORDS = new String[128][];
  private static final int[][] WORD_KINDS = new int[128][];
  /** Bit {@code first << 7 | second} is set for the first two chars of each word. */
  private static final long[] PREFIXES = new long[128 * 128 / 64];

  static {
    add("authorization", AUTHORIZATION);
    for (String word : PASSWORD_WORDS) {
      add(word, PASSWORD);
    }
    for (String word : SECRET_WORDS) {
      add(word, SECRET);
    }
  }

  private static void add(String word, int kind) {
    char c = word.charAt(0);
    int prefix = c << 7 | word.charAt(1);
    PREFIXES[prefix >>> 6] |= 1L << prefix;
    String[] words = WORDS[c] == null ? new String[0] : WORDS[c];
    int[] kinds = WORD_KINDS[c] == null ? new int[0] : WORD_KINDS[c];
    WORDS[c] = Arrays.copyOf(words, words.length + 1);
    WORDS[c][words.length] = word;
    WORD_KINDS[c] = Arrays.copyOf(kinds, kinds.length + 1);
    WORD_KINDS[c][kinds.length] = kind;
  }

  private SecretKeyNames() {}

  /**
   * What the key name {@code [from, to)} of {@code text} says: {@link #PASSWORD} if it has a password
   * word, else {@link #AUTHORIZATION} if it has {@code authorization}, else {@link #SECRET} if it has
   * a secret word, else {@link #NONE}.
   */
  static int kind(CharSequence text, int from, int to) {
    int kind = NONE;
    char next = from < to ? lower(text.charAt(from)) : 0;
    for (int i = from; i + 1 < to && kind != PASSWORD; i++) {
      char c = next;
      next = lower(text.charAt(i + 1));
      int prefix = c << 7 | next;
      if (c >= 128 || next >= 128 || (PREFIXES[prefix >>> 6] & 1L << prefix) == 0) {
        continue;
      }
      String[] words = WORDS[c];
      for (int w = 0; w < words.length; w++) {
        if (WORD_KINDS[c][w] > kind && matchesAt(text, i, to, words[w])) {
          kind = WORD_KINDS[c][w];
        }
      }
    }
    return kind;
  }

  private static boolean matchesAt(CharSequence text, int i, int to, String word) {
    if (i + word.length() > to) {
      return false;
    }
    for (int j = 1; j < word.length(); j++) {
      if (lower(text.charAt(i + j)) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
