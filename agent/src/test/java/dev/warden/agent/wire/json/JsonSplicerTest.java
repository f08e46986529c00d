package dev.warden.agent.wire.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSplicerTest {

  private static final String JSON = "{ \"a\" : \"x\\u0041\\\"\", \"n\": 0.70, \"b\":[\"keep\", \"y\"] }";

  private static int offsetOf(byte[] json, String needle) {
    return new String(json, UTF_8).indexOf(needle);
  }

  @Test
  void replacesOnlyTheGivenStringsInAnyOrder() throws Exception {
    byte[] json = JSON.getBytes(UTF_8);
    JsonSplicer splicer = new JsonSplicer();
    splicer.replace(offsetOf(json, "\"y\""), "new \"line\"\n");
    splicer.replace(offsetOf(json, "\"x\\u"), "first");
    splicer.replace(offsetOf(json, "\"y\""), "última 😀");

    byte[] out = splicer.apply(json);

    assertThat(new String(out, UTF_8))
        .isEqualTo("{ \"a\" : \"first\", \"n\": 0.70, \"b\":[\"keep\", \"última 😀\"] }");
    JsonNode node = new ObjectMapper().readTree(out);
    assertThat(node.get("b").get(1).textValue()).isEqualTo("última 😀");
  }

  @Test
  void escapesWhatJsonRequiresAndReplacesLoneSurrogates() throws Exception {
    byte[] json = JSON.getBytes(UTF_8);
    JsonSplicer splicer = new JsonSplicer();
    splicer.replace(offsetOf(json, "\"keep\""), "q\" b\\ t\t \ud83d end \ude00");

    JsonNode node = new ObjectMapper().readTree(splicer.apply(json));

    assertThat(node.get("b").get(0).textValue()).isEqualTo("q\" b\\ t\t \ufffd end \ufffd");
    String clean = "ok 😀";
    assertThat(JsonSplicer.wellFormed(clean)).isSameAs(clean);
  }

  @Test
  void nothingScheduledReturnsTheSameArray() {
    byte[] json = JSON.getBytes(UTF_8);
    JsonSplicer splicer = new JsonSplicer();

    assertThat(splicer.apply(json)).isSameAs(json);
    splicer.replace(offsetOf(json, "\"keep\""), "x");
    splicer.clear();
    assertThat(splicer.isEmpty()).isTrue();
    assertThat(splicer.apply(json)).isSameAs(json);
  }

  @Test
  void refusesAnOffsetThatIsNoString() {
    byte[] json = JSON.getBytes(UTF_8);
    JsonSplicer splicer = new JsonSplicer();
    splicer.replace(offsetOf(json, "0.70"), "x");

    assertThatThrownBy(() -> splicer.apply(json)).isInstanceOf(IllegalStateException.class);
  }
}
