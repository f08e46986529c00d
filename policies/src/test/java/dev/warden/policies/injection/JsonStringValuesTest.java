package dev.warden.policies.injection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The early rejection of a document whose end cannot end a JSON value changes nothing: every
 * prefix and every mutation of a document gives what parsing it all gives.
 */
class JsonStringValuesTest {

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
      .build();

  private static final String DOCUMENT = "{\"id\": 12, \"ok\": true, \"no\": false, \"n\": null,"
      + " \"tags\": [\"a\", \"b\\\"c\", -0.5e3, 7], \"nested\": {\"text\": \"hello\\nworld\"}}";

  private static final String ALPHABET = "{}[]\":, \t\n\r\u000b\f\u0000\u00a0\ufeff0123456789.eE+-"
      + "truefalsnNI/*#a\\x";

  @Test
  void everyPrefixGivesWhatAFullParseGives() {
    for (String document : new String[] {DOCUMENT, "[" + DOCUMENT + ", 1, \"s\", true, null]",
        "  \n" + DOCUMENT + " \n\t\r ", DOCUMENT + " " + DOCUMENT, "[1] 2", "{} true", "[] null"}) {
      for (int end = 0; end <= document.length(); end++) {
        String prefix = document.substring(0, end);
        assertThat(JsonStringValues.of(prefix)).as(prefix).isEqualTo(parsed(prefix));
      }
    }
  }

  @Test
  void mutatedDocumentsGiveWhatAFullParseGives() {
    Random random = new Random(4_711L);
    String[] seeds = {"{}", "[]", "{\"a\":1}", "[1,2]", "{\"a\":[true,false,null]}", "[\"x\"]",
        "[1e5]", "[-0.5]", DOCUMENT};
    for (int round = 0; round < 200_000; round++) {
      StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      for (int k = random.nextInt(4); k > 0; k--) {
        int at = random.nextInt(3) == 0 ? text.length() : random.nextInt(text.length() + 1);
        text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String s = text.toString();
      assertThat(JsonStringValues.of(s)).as(s).isEqualTo(parsed(s));
    }
  }

  /** The string values by a full parse, null when the text is no JSON object or array. */
  private static String parsed(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING) {
          out.append(parser.getText()).append('\n');
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return out.toString();
  }
}
