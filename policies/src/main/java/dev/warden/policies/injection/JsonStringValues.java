package dev.warden.policies.injection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * The string values of a tool result written as JSON, one per line: what a model reads as prose
 * in it. Keys, numbers, braces and quotes are syntax, and scoring them as text makes any large
 * JSON document look like a long templated jailbreak.
 */
final class JsonStringValues {

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
      .build();

  private JsonStringValues() {}

  /** The string values of {@code text} when it is one JSON object or array, else null. */
  static String of(String text) {
    int first = firstNonSpace(text);
    if (first < 0 || (text.charAt(first) != '{' && text.charAt(first) != '[')
        || !endsLikeAValue(text)) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() / 2);
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING) {
          out.append(parser.getText()).append('\n');
        }
      }
    } catch (IOException | RuntimeException e) {
      // not JSON after all (or too deep): the text is scored as written
      return null;
    }
    return out.toString();
  }

  /**
   * Whether the last char that is not JSON whitespace can end a JSON value ({@code } ] "}, a digit,
   * the {@code e} of true and false, the {@code l} of null). When it cannot, the parser would fail
   * at the very end: a tool result cut off at a size limit is, and parsing it all is wasted.
   */
  private static boolean endsLikeAValue(String text) {
    int end = text.length();
    char c;
    do {
      c = text.charAt(--end);
    } while (end > 0 && (c == ' ' || c == '\n' || c == '\r' || c == '\t'));
    return c == '}' || c == ']' || c == '"' || (c >= '0' && c <= '9') || c == 'e' || c == 'l';
  }

  private static int firstNonSpace(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
