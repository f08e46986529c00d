package dev.warden.policies.pii;

/**
 * The shapes of well-known provider API keys and tokens, matched by hand at a token start. Each
 * shape is a fixed prefix and a body of a fixed alphabet with a minimum (and, where the provider
 * fixes it, exact) length; the token must end there, not glued to more token chars.
 *
 * <table>
 *   <caption>shapes</caption>
 *   <tr><th>provider</th><th>prefix</th><th>body</th></tr>
 *   <tr><td>Anthropic</td><td>{@code sk-ant-}</td><td>32+ of {@code [A-Za-z0-9_-]}</td></tr>
 *   <tr><td>OpenAI</td><td>{@code sk-}, {@code sk-proj-}, {@code sk-svcacct-}, {@code sk-admin-}</td>
 *       <td>20+ of {@code [A-Za-z0-9_-]} with a digit and a letter</td></tr>
 *   <tr><td>AWS access key id</td><td>{@code AKIA}, {@code ASIA}, {@code ABIA}, {@code ACCA}</td>
 *       <td>exactly 16 of {@code [A-Z0-9]}</td></tr>
 *   <tr><td>GitHub</td><td>{@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_};
 *       {@code github_pat_}</td><td>36+ of {@code [A-Za-z0-9]}; 22+ of {@code [A-Za-z0-9_]}</td></tr>
 *   <tr><td>Slack</td><td>{@code xoxa-}, {@code xoxb-}, {@code xoxp-}, {@code xoxo-}, {@code xoxs-},
 *       {@code xoxr-}, {@code xoxe-}, {@code xapp-}</td><td>10+ of {@code [A-Za-z0-9-]} with a digit and a
 *       letter</td></tr>
 *   <tr><td>Slack webhook</td><td>{@code [https://]hooks.slack.com/services/} (or {@code workflows/},
 *       {@code triggers/})</td><td>20+ of {@code [A-Za-z0-9/_+-]}</td></tr>
 *   <tr><td>Google API key</td><td>{@code AIza}</td><td>exactly 35 of {@code [A-Za-z0-9_-]}</td></tr>
 *   <tr><td>Stripe</td><td>{@code sk_live_}, {@code sk_test_}, {@code rk_live_}, {@code rk_test_},
 *       {@code pk_live_}</td><td>10+ of {@code [A-Za-z0-9]}</td></tr>
 * </table>
 */
final class ProviderTokens {

  private static final String[] OPENAI_PREFIXES = {"sk-proj-", "sk-svcacct-", "sk-admin-", "sk-"};
  private static final String[] STRIPE_PREFIXES = {"sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_"};
  private static final String[] AWS_PREFIXES = {"AKIA", "ASIA", "ABIA", "ACCA"};
  private static final String[] GITHUB_PREFIXES = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
  private static final String[] SLACK_PREFIXES = {"xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xoxe-", "xapp-"};
  private static final String[] SLACK_HOOKS = {
      "https://hooks.slack.com/", "http://hooks.slack.com/", "hooks.slack.com/"};
  private static final String[] SLACK_HOOK_PATHS = {"services/", "workflows/", "triggers/"};

  private static final int MAX_TOKEN = 512;
  /** The longest run of letters before the first {@code -}, {@code _} or {@code .} of a shape ({@code github}). */
  private static final int MAX_PREFIX = 6;

  private ProviderTokens() {}

  /** Whether a token may start with {@code c}: a cheap filter before {@link #end}. */
  static boolean mayStart(char c) {
    return c == 's' || c == 'r' || c == 'p' || c == 'A' || c == 'g' || c == 'x' || c == 'h';
  }

  /**
   * The start of a token that may hold the anchor char at {@code i}: every shape has a {@code -},
   * {@code _} or {@code .} within its first {@value #MAX_PREFIX} chars, or starts with {@code A}.
   * Returns the start (a {@link #mayStart} char standing alone on its left, after {@code tried}),
   * or -1.
   */
  static int tokenStartBefore(CharSequence text, int i, int tried) {
    int s = i;
    if (text.charAt(i) != 'A') {
      while (s > tried + 1 && i - s < MAX_PREFIX && WordBoundaries.isAsciiLetter(text.charAt(s - 1))) {
        s--;
      }
      if (text.charAt(i) == '.' && i - s == 5 && text.charAt(s) == 'h') {
        if (s - 8 > tried && WordBoundaries.startsWith(text, s - 8, "https://")) {
          s -= 8;
        } else if (s - 7 > tried && WordBoundaries.startsWith(text, s - 7, "http://")) {
          s -= 7;
        }
      }
    }
    if ((s == i && text.charAt(i) != 'A') || s <= tried || !mayStart(text.charAt(s))) {
      return -1;
    }
    return s == 0 || !isTokenChar(text.charAt(s - 1)) ? s : -1;
  }

  /** Token chars: a provider token is not glued to one of these on either side. */
  static boolean isTokenChar(char c) {
    return WordBoundaries.isAsciiWord(c) || c == '_' || c == '-';
  }

  /** The end of a provider token starting at {@code i}, or -1. The caller checks the left side. */
  static int end(CharSequence text, int i) {
    return switch (text.charAt(i)) {
      case 's' -> {
        int e = body(text, i, "sk-ant-", Alphabet.URL_SAFE, 32, true);
        if (e < 0) {
          e = stripe(text, i);
        }
        yield e >= 0 ? e : openAi(text, i);
      }
      case 'r', 'p' -> stripe(text, i);
      case 'A' -> {
        int e = body(text, i, "AIza", Alphabet.URL_SAFE, 35, false);
        if (e > 0 && e - i != 39) {
          e = -1;
        }
        yield e > 0 ? e : aws(text, i);
      }
      case 'g' -> {
        int e = -1;
        for (int k = 0; k < GITHUB_PREFIXES.length && e < 0; k++) {
          e = body(text, i, GITHUB_PREFIXES[k], Alphabet.ALNUM, 36, false);
        }
        yield e >= 0 ? e : body(text, i, "github_pat_", Alphabet.ALNUM_UNDERSCORE, 22, false);
      }
      case 'x' -> {
        int e = -1;
        for (int k = 0; k < SLACK_PREFIXES.length && e < 0; k++) {
          e = body(text, i, SLACK_PREFIXES[k], Alphabet.ALNUM_HYPHEN, 10, true);
        }
        yield e;
      }
      case 'h' -> slackWebhook(text, i);
      default -> -1;
    };
  }

  private enum Alphabet {
    ALNUM, ALNUM_UNDERSCORE, ALNUM_HYPHEN, URL_SAFE, UPPER_ALNUM, WEBHOOK;

    boolean contains(char c) {
      if (c >= 128) {
        return false;
      }
      boolean alnum = WordBoundaries.isAsciiWord(c);
      return switch (this) {
        case ALNUM -> alnum;
        case ALNUM_UNDERSCORE -> alnum || c == '_';
        case ALNUM_HYPHEN -> alnum || c == '-';
        case URL_SAFE -> alnum || c == '_' || c == '-';
        case UPPER_ALNUM -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        case WEBHOOK -> alnum || c == '/' || c == '_' || c == '+' || c == '-';
      };
    }
  }

  /**
   * {@code prefix} then at least {@code min} body chars at {@code i}, not followed by a token
   * char; with {@code mixed}, the body needs a digit too. Returns the end, or -1.
   */
  private static int body(CharSequence text, int i, String prefix, Alphabet alphabet, int min, boolean mixed) {
    if (!WordBoundaries.startsWith(text, i, prefix)) {
      return -1;
    }
    int b = i + prefix.length();
    int p = b;
    boolean digit = false;
    boolean letter = false;
    int n = text.length();
    while (p < n && p - b <= MAX_TOKEN && alphabet.contains(text.charAt(p))) {
      char c = text.charAt(p);
      digit |= WordBoundaries.isDigit(c);
      letter |= WordBoundaries.isAsciiLetter(c);
      p++;
    }
    if (p - b < min || p - b > MAX_TOKEN || (p < n && isTokenChar(text.charAt(p)))) {
      return -1;
    }
    return !mixed || (digit && letter) ? p : -1;
  }

  private static int openAi(CharSequence text, int i) {
    for (String prefix : OPENAI_PREFIXES) {
      int e = body(text, i, prefix, Alphabet.URL_SAFE, 20, true);
      if (e > 0) {
        return e;
      }
    }
    return -1;
  }

  private static int stripe(CharSequence text, int i) {
    for (String prefix : STRIPE_PREFIXES) {
      int e = body(text, i, prefix, Alphabet.ALNUM, 10, false);
      if (e > 0) {
        return e;
      }
    }
    return -1;
  }

  private static int aws(CharSequence text, int i) {
    for (String prefix : AWS_PREFIXES) {
      int e = body(text, i, prefix, Alphabet.UPPER_ALNUM, 16, false);
      if (e > 0) {
        return e - i == 20 ? e : -1;
      }
    }
    return -1;
  }

  private static int slackWebhook(CharSequence text, int i) {
    for (String hook : SLACK_HOOKS) {
      if (WordBoundaries.startsWith(text, i, hook)) {
        for (String path : SLACK_HOOK_PATHS) {
          int e = body(text, i + hook.length(), path, Alphabet.WEBHOOK, 20, true);
          if (e > 0) {
            return e;
          }
        }
        return -1;
      }
    }
    return -1;
  }
}
