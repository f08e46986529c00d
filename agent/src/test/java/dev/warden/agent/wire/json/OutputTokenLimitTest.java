package dev.warden.agent.wire.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTokenLimitTest {

  static String apply(String json, int limit, String... fields) throws IOException {
    return new String(OutputTokenLimit.apply(json.getBytes(StandardCharsets.UTF_8), List.of(fields), limit),
        StandardCharsets.UTF_8);
  }

  @Test
  void aLargerLimitIsLoweredInPlace() throws IOException {
    assertThat(apply("{\"model\":\"m\", \"max_tokens\" : 4096 ,\"n\":1}", 1024, "max_tokens"))
        .isEqualTo("{\"model\":\"m\", \"max_tokens\" : 1024 ,\"n\":1}");
    assertThat(apply("{\"max_completion_tokens\":2e4,\"max_tokens\":9000}", 10, "max_completion_tokens", "max_tokens"))
        .isEqualTo("{\"max_completion_tokens\":10,\"max_tokens\":10}");
  }

  @Test
  void aSmallerOrEqualLimitIsLeftByteForByte() throws IOException {
    byte[] body = "{\"max_tokens\":512}".getBytes(StandardCharsets.UTF_8);
    assertThat(OutputTokenLimit.apply(body, List.of("max_tokens"), 512)).isSameAs(body);
  }

  @Test
  void anAbsentLimitIsAddedFirst() throws IOException {
    assertThat(apply(" {\"model\":\"m\"}", 64, "max_completion_tokens", "max_tokens"))
        .isEqualTo(" {\"max_completion_tokens\":64,\"model\":\"m\"}");
    assertThat(apply("{ }", 64, "max_output_tokens")).isEqualTo("{\"max_output_tokens\":64 }");
    assertThat(apply("{\"max_tokens\":null}", 64, "max_tokens")).as("null is no limit").isEqualTo("{\"max_tokens\":64}");
  }

  @Test
  void nestedFieldsOfTheSameNameAreNotTouched() throws IOException {
    assertThat(apply("{\"metadata\":{\"max_tokens\":99999},\"max_tokens\":5}", 10, "max_tokens"))
        .isEqualTo("{\"metadata\":{\"max_tokens\":99999},\"max_tokens\":5}");
  }

  @Test
  void notAnObjectIsAnError() {
    assertThatThrownBy(() -> apply("[1]", 1, "max_tokens")).isInstanceOf(IOException.class);
  }
}
