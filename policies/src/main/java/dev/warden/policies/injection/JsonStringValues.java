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
    if (first < 0 || (text.charAt(first) != '{' && text.charAt(first) != '[')) {
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

  private static int firstNonSpace(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
