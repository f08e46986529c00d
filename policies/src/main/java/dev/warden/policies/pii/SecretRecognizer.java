package dev.warden.policies.pii;

import java.util.Arrays;
import java.util.List;

/**
 * Finds credentials: provider API keys and tokens, private-key blocks, bearer tokens and secrets
 * assigned to a key whose name says so.
 *
 * <ul>
 *   <li>Provider keys (OpenAI, Anthropic, AWS access key ids, GitHub, Slack tokens and webhooks,
 *       Google API keys, Stripe): the shapes in {@link ProviderTokens}, wherever they stand alone.</li>
 *   <li>PEM private keys: from {@code -----BEGIN … PRIVATE KEY-----} through the matching
 *       {@code -----END … PRIVATE KEY-----} line (at most {@value #MAX_PEM} chars); a block cut off
 *       before its end line is covered through its last base64 line.</li>
 *   <li>{@code Bearer <token>} (and {@code authorization: bearer <token>}): the token, when it
 *       looks random (the rule for secrets below).</li>
 *   <li>Assignments: a key (at most {@value #MAX_KEY} chars) whose name contains a password word
 *       ({@code passw} as in password/passwd/Passwort, {@code pwd}, {@code kennwort},
 *       {@code mot_de_passe}, {@code contrasena}, {@code senha}) or a secret word ({@code secret},
 *       {@code token}, {@code api_key}/{@code apikey}/{@code api-key}, {@code access_key},
 *       {@code private_key}, {@code credential}), any case; then {@code =}, {@code :}, {@code :=}
 *       or {@code =>}, with quotes and spaces around as JSON, YAML, {@code .env} files and code
 *       write them; then the value, which alone is the span.
 *       <ul>
 *         <li>A password needs 8+ chars: a letter and a digit or symbol, or 12+ letters.</li>
 *         <li>Any other secret needs 16+ chars, a Shannon entropy of at least
 *             {@value #MIN_ENTROPY} bits per char, a letter, and a digit (or 24+ chars in mixed
 *             case).</li>
 *         <li>Never secrets: placeholders and references ({@code ${VAR}}, {@code <your-key>},
 *             {@code {{x}}}, {@code env:NAME}, {@code file:/path}), masked values ({@code ****},
 *             {@code xxxx}, {@code ...}), words such as {@code null} or {@code changeme}, and code
 *             (an unquoted value followed by {@code (} or {@code [}).</li>
 *       </ul></li>
 * </ul>
 *
 * JSON Web Tokens are left to {@link JwtRecognizer}. Stateless and thread-safe; looks only at the
 * few chars every shape contains ({@code - _ . = : A B}, the marks of {@link Anchors}); each value end
 * and the end of all private-key blocks are searched for once; key names are read by {@link SecretKeyNames}.
 */
public final class SecretRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "SECRET";

  static final double MIN_ENTROPY = 3.0;
  static final int MAX_PEM = 20_000;
  static final int MAX_KEY = 64;
  private static final int MAX_VALUE = 512;

  private static final String[] PLACEHOLDER_MARKS = {"xxxx", "****", "...", "your_", "your-", "<", "${"};
  private static final String[] PLACEHOLDERS = {
      "null", "none", "true", "false", "undefined", "changeme", "password", "secret", "example", "redacted",
      "your_password", "yourpassword", "placeholder"};

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    new Scan(text).run(anchors, out);
  }

  /** The state of one {@code find} call: a histogram for entropy and the search caches. */
  private static final class Scan {

    final String text;
    final int n;
    final int[] counts = new int[128];
    /** Where the next {@code -----END } is, -2 before the first search, -1 when there is none. */
    int pemEndLine = -2;
    int tried = -1;
    /** The end of the last assigned value examined; separators inside it are part of that value. */
    int valueSeen = -1;
    /** The first terminator at or after any value start in {@code [plainFrom, plainEnd]}. */
    int plainFrom = -1;
    int plainEnd = -1;
    /** The same per quote char ({@code " ' `}): the closing quote or line end. */
    final int[] quotedFrom = {-1, -1, -1};
    final int[] quotedEnd = {-1, -1, -1};

    Scan(String text) {
      this.text = text;
      this.n = text.length();
    }

    /** Visits the marks of {@link Anchors}: exactly the chars every shape contains. */
    void run(Anchors anchors, List<Span> out) {
      int i = anchors.nextMark(0);
      while (i < n) {
        char c = text.charAt(i);
        int start = i;
        int end = -1;
        if (c == '=' || c == ':') {
          long span = assignment(i);
          if (span >= 0) {
            start = (int) (span >>> 32);
            end = (int) span;
          }
        } else if (c == '-' && WordBoundaries.startsWith(text, i, "-----BEGIN ")) {
          end = privateKeyEnd(i);
        } else if (c == 'B') {
          if (WordBoundaries.startsWith(text, i, "Bearer ") && tokenStart(text, i)) {
            start = i + 7;
            end = bearerEnd(start);
          }
        } else if (c != '.' || (i >= 5 && i + 1 < n && text.charAt(i + 1) == 's' && text.charAt(i - 5) == 'h')) {
          // inside the first chars of a provider token: "sk-", "ghp_", "AKIA", "hooks.slack.com"...
          start = ProviderTokens.tokenStartBefore(text, i, tried);
          if (start >= 0) {
            tried = start;
            end = ProviderTokens.end(text, start);
          }
        }
        if (start >= 0 && end > start) {
          out.add(new Span(TYPE, start, end));
          tried = end;
          i = anchors.nextMark(end);
        } else {
          i = anchors.nextMark(i + 1);
        }
      }
    }

    /**
     * The value assigned at the {@code =} or {@code :} at {@code sep} to a key named like a secret,
     * as {@code start << 32 | end}; or -1.
     */
    private long assignment(int sep) {
      if (sep < valueSeen) {
        return -1;
      }
      char c = text.charAt(sep);
      int v = sep + 1;
      if (v < n && (text.charAt(v) == '=' || text.charAt(v) == ':')) {
        return -1;
      }
      if (c == '=' && v < n && text.charAt(v) == '>') {
        v++;
      }
      int k = sep;
      if (k > 0 && "=:!<>".indexOf(text.charAt(k - 1)) >= 0) {
        if (c != '=' || text.charAt(k - 1) != ':') {
          return -1;
        }
        k--;
      }
      int skipped = 0;
      while (k > 0 && skipped < 4 && isKeyQuoteOrSpace(text.charAt(k - 1))) {
        k--;
        skipped++;
      }
      int keyEnd = k;
      while (k > 0 && keyEnd - k < MAX_KEY && isKeyChar(text.charAt(k - 1))) {
        k--;
      }
      if (k == keyEnd || (k > 0 && isKeyChar(text.charAt(k - 1)))) {
        return -1;
      }
      int keyKind = SecretKeyNames.kind(text, k, keyEnd);
      if (keyKind == SecretKeyNames.NONE) {
        return -1;
      }
      boolean password = keyKind == SecretKeyNames.PASSWORD;
      boolean authorization = keyKind == SecretKeyNames.AUTHORIZATION;
      int skippedAfter = 0;
      while (v < n && skippedAfter < 3 && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
        v++;
        skippedAfter++;
      }
      char quote = v < n ? text.charAt(v) : 0;
      int quoteKind = quote == '"' ? 0 : quote == '\'' ? 1 : quote == '`' ? 2 : -1;
      if (quoteKind >= 0) {
        v++;
      }
      if (authorization) {
        if (!containsAny(text, v, Math.min(n, v + 7), "bearer ")) {
          return -1;
        }
        v += 7;
      }
      int tokenEnd = v < n && ProviderTokens.mayStart(text.charAt(v)) ? ProviderTokens.end(text, v) : -1;
      if (tokenEnd > 0) {
        return ((long) v << 32) | tokenEnd;
      }
      boolean quoted = quoteKind >= 0 && !authorization;
      int end = quoted ? quotedEnd(v, quote, quoteKind) : plainEnd(v);
      if (end < 0 || (!quoted && end < n && (text.charAt(end) == '(' || text.charAt(end) == '['))) {
        return -1;
      }
      valueSeen = end;
      if (!secretValue(text, v, end, password, counts)) {
        return -1;
      }
      return ((long) v << 32) | end;
    }

    private int bearerEnd(int v) {
      int end = plainEnd(v);
      return end > 0 && secretValue(text, v, end, false, counts) ? end : -1;
    }

    /**
     * The end of an unquoted value at {@code v}: the first space or delimiter, without a trailing
     * dot or colon; -1 when longer than {@value #MAX_VALUE}. Each terminator is searched for once.
     */
    private int plainEnd(int v) {
      if (v < plainFrom || v > plainEnd) {
        int p = v;
        while (p < n && !endsPlainValue(text.charAt(p))) {
          p++;
        }
        plainFrom = v;
        plainEnd = p;
      }
      int p = plainEnd;
      if (p - v > MAX_VALUE) {
        return -1;
      }
      while (p > v && (text.charAt(p - 1) == '.' || text.charAt(p - 1) == ':')) {
        p--;
      }
      return p;
    }

    /** The end of a value quoted with {@code quote} that starts at {@code v}, or -1 if it does not close. */
    private int quotedEnd(int v, char quote, int kind) {
      if (v < quotedFrom[kind] || v > quotedEnd[kind]) {
        int p = v;
        while (p < n && text.charAt(p) != quote && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
          p++;
        }
        quotedFrom[kind] = v;
        quotedEnd[kind] = p;
      }
      int p = quotedEnd[kind];
      return p < n && text.charAt(p) == quote && p - v <= MAX_VALUE ? p : -1;
    }

    /** The end of the private-key block at {@code begin}, or -1. */
    private int privateKeyEnd(int begin) {
      int header = begin + 11;
      while (header < n && header - begin < 100 && text.charAt(header) != '-' && text.charAt(header) != '\n') {
        header++;
      }
      if (!WordBoundaries.startsWith(text, header, "-----") || !containsAny(text, begin, header, "private key")) {
        return -1;
      }
      int bodyStart = header + 5;
      if (pemEndLine != -1 && pemEndLine < bodyStart) {
        pemEndLine = indexOf(text, "-----END ", bodyStart);
      }
      if (pemEndLine >= 0 && pemEndLine - begin <= MAX_PEM) {
        for (int close = pemEndLine + 9; close < n && close - pemEndLine < 120 && text.charAt(close) != '\n'; close++) {
          if (WordBoundaries.startsWith(text, close, "-----")) {
            return close + 5;
          }
        }
      }
      int p = bodyStart;
      int lastBody = bodyStart;
      while (p < n && p - begin <= MAX_PEM && isPemBodyChar(text.charAt(p))) {
        if (!Character.isWhitespace(text.charAt(p))) {
          lastBody = p + 1;
        }
        p++;
      }
      return lastBody;
    }
  }

  private static boolean tokenStart(CharSequence text, int i) {
    return i == 0 || !ProviderTokens.isTokenChar(text.charAt(i - 1));
  }

  private static boolean endsPlainValue(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' || c == ')'
        || c == '(' || c == '}' || c == ']' || c == '[' || c == '<' || c == '>' || c == '&';
  }

  private static boolean isKeyQuoteOrSpace(char c) {
    return c == '"' || c == '\'' || c == ' ' || c == '\t' || c == '`';
  }

  private static boolean isKeyChar(char c) {
    return WordBoundaries.isAsciiWord(c) || c == '_' || c == '-' || c == '.';
  }

  /** Whether {@code [from, to)} contains one of {@code words} (lower case), ASCII case-insensitively. */
  private static boolean containsAny(CharSequence text, int from, int to, String... words) {
    for (String word : words) {
      for (int i = from; i + word.length() <= to; i++) {
        int j = 0;
        while (j < word.length() && lower(text.charAt(i + j)) == word.charAt(j)) {
          j++;
        }
        if (j == word.length()) {
          return true;
        }
      }
    }
    return false;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Whether {@code [v, end)} is a plausible secret rather than a placeholder, reference or word. */
  private static boolean secretValue(CharSequence text, int v, int end, boolean password, int[] counts) {
    int len = end - v;
    if (len < 8) {
      return false;
    }
    char first = text.charAt(v);
    if (first == '$' || first == '<' || first == '{' || first == '%' || first == '*'
        || (len >= 3 && text.charAt(v + 1) == 'y' && first == 'e' && text.charAt(v + 2) == 'J' && isJwtLike(text, v, end))
        || WordBoundaries.startsWith(text, v, "env:") || WordBoundaries.startsWith(text, v, "file:")) {
      return false;
    }
    if (containsAny(text, v, end, PLACEHOLDER_MARKS)) {
      return false;
    }
    for (String placeholder : PLACEHOLDERS) {
      if (placeholder.length() == len && containsAny(text, v, end, placeholder)) {
        return false;
      }
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (int i = v; i < end; i++) {
      char c = text.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      digit |= c >= '0' && c <= '9';
      symbol |= !WordBoundaries.isAsciiWord(c);
    }
    boolean letter = lower || upper;
    if (password) {
      return letter && (digit || symbol || len >= 12);
    }
    if (len < 16 || entropy(text, v, end, counts) < MIN_ENTROPY) {
      return false;
    }
    return letter && (digit || (len >= 24 && lower && upper));
  }

  private static boolean isJwtLike(CharSequence text, int v, int end) {
    int dots = 0;
    for (int i = v; i < end; i++) {
      dots += text.charAt(i) == '.' ? 1 : 0;
    }
    return dots == 2 || dots == 4;
  }

  /** Shannon entropy of {@code [from, to)} in bits per char; non-ASCII chars share one bucket. */
  static double entropy(CharSequence text, int from, int to, int[] counts) {
    Arrays.fill(counts, 0);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      counts[c < 128 ? c : 127]++;
    }
    double h = 0;
    double len = to - from;
    for (int count : counts) {
      if (count > 0) {
        double p = count / len;
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(2);
  }

  private static boolean isPemBodyChar(char c) {
    return WordBoundaries.isAsciiWord(c) || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r';
  }

  private static int indexOf(CharSequence text, String s, int from) {
    if (text instanceof String str) {
      return str.indexOf(s, from);
    }
    int n = text.length() - s.length();
    for (int i = Math.max(0, from); i <= n; i++) {
      if (WordBoundaries.startsWith(text, i, s)) {
        return i;
      }
    }
    return -1;
  }
}
