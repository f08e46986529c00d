package dev.warden.agent.wire.response;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.wire.response.SummaryPaths.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathScannerTest {

  private static final SummaryPaths PATHS = SummaryPaths.builder()
      .add(Target.MODEL, "model")
      .add(Target.INPUT_TOKENS, "usage", "prompt_tokens")
      .add(Target.FINISH_REASON, "choices", SummaryPaths.ANY_ELEMENT, "finish_reason")
      .build();

  private static ResponseSummary scan(String json) {
    JsonBodyObserver observer = new JsonBodyObserver(PATHS);
    byte[] bytes = json.getBytes(UTF_8);
    observer.onBytes(bytes, 0, bytes.length);
    return observer.finish();
  }

  @Test
  void matchesWholePathsOnly() {
    ResponseSummary summary = scan("{\"usage\":{\"prompt_tokens\":5},"
        + "\"meta\":{\"prompt_tokens\":999,\"model\":\"decoy\"},"
        + "\"choices\":[{\"finish_reason\":\"stop\",\"x\":{\"finish_reason\":\"decoy\"}}],"
        + "\"other\":[{\"finish_reason\":\"decoy\"}],"
        + "\"choices_\":{\"finish_reason\":\"decoy\"},"
        + "\"model\":\"real\"}");

    assertThat(summary).isEqualTo(new ResponseSummary("real", 5L, null, List.of("stop"), true));
  }

  @Test
  void arraysOfArraysAndDeepNestingAreWalkedPast() {
    String deep = "{\"a\":" + "[".repeat(40) + "{\"model\":\"decoy\"}" + "]".repeat(40) + ",\"model\":\"real\"}";

    assertThat(scan(deep).model()).isEqualTo("real");
  }

  @Test
  void wrongTypesAreIgnored() {
    ResponseSummary summary = scan("{\"model\":5,\"usage\":{\"prompt_tokens\":\"5\"},"
        + "\"choices\":[{\"finish_reason\":null},{\"finish_reason\":7}]}");

    assertThat(summary).isEqualTo(new ResponseSummary(null, null, null, List.of(), true));
  }

  @Test
  void hugeNumbersAreIgnoredNotThrown() {
    ResponseSummary summary = scan("{\"usage\":{\"prompt_tokens\":123456789012345678901234567890},\"model\":\"m\"}");

    assertThat(summary).isEqualTo(new ResponseSummary("m", null, null, List.of(), true));
  }

  @Test
  void pathsAreValidatedWhenBuilt() {
    assertThatThrownBy(() -> SummaryPaths.builder().add(Target.MODEL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SummaryPaths.builder().add(Target.MODEL, "a", "b", "c", "d", "e", "f", "g", "h", "i"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
