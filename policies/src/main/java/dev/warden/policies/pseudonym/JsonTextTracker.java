package dev.warden.policies.pseudonym;

/**
 * Follows JSON text char by char just far enough to tell whether the next char is inside a string,
 * and inside an escape sequence there ({@code \n}, or {@code \}{@code u} and four hex digits),
 * which is all a rewrite needs to keep the text valid JSON. Lenient: outside strings only a quote
 * counts, so text that is not JSON is followed without error (and then nothing is promised). Not
 * thread-safe.
 */
final class JsonTextTracker {

  private static final int OUTSIDE = 0;
  private static final int IN_STRING = 1;
  private static final int AFTER_BACKSLASH = 2;
  /** {@code AFTER_BACKSLASH + n}: {@code n} hex digits of a {@code \}{@code u} escape still to come. */
  private static final int ALL_HEX_DIGITS_TO_COME = AFTER_BACKSLASH + 4;

  private int state = OUTSIDE;
  /** Index in the caller's text of the next char. */
  private int position;

  /** Index of the next char in the caller's text. */
  int position() {
    return position;
  }

  /** Says that the next char is at {@code index} of the caller's text (which moved), keeping the state. */
  void moveTo(int index) {
    position = index;
  }

  /** Whether the next char is inside a string (its content, an escape included; not its opening quote). */
  boolean inString() {
    return state != OUTSIDE;
  }

  /** Whether the next char continues an escape sequence (the backslash has been seen). */
  boolean inEscape() {
    return state >= AFTER_BACKSLASH;
  }

  /** Whether the next char, {@code text[position()]}, ends the current string. */
  boolean atClosingQuote(CharSequence text) {
    return state == IN_STRING && text.charAt(position) == '"';
  }

  /** Takes the next char, {@code text[position()]}. */
  void step(CharSequence text) {
    char c = text.charAt(position++);
    switch (state) {
      case OUTSIDE:
        if (c == '"') {
          state = IN_STRING;
        }
        break;
      case IN_STRING:
        if (c == '"') {
          state = OUTSIDE;
        } else if (c == '\\') {
          state = AFTER_BACKSLASH;
        }
        break;
      case AFTER_BACKSLASH:
        state = c == 'u' ? ALL_HEX_DIGITS_TO_COME : IN_STRING;
        break;
      default:
        state = state == AFTER_BACKSLASH + 1 ? IN_STRING : state - 1;
        break;
    }
  }

  /** Takes the chars up to {@code index} (exclusive); nothing when already there or past it. */
  void advanceTo(CharSequence text, int index) {
    while (position < index) {
      step(text);
    }
  }

  /**
   * Appends {@code value} as the content of a JSON string: quote, backslash and the control chars
   * escaped, everything else as it is.
   */
  static void appendEscaped(CharSequence value, StringBuilder out) {
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
