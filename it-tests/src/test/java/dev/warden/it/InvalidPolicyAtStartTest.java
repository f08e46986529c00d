package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.TestPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started with an invalid policy file: by default it runs, says so, and blocks calls to the
 * built-in provider endpoints (onError's default); with {@code -Dwarden.strict=true} it refuses
 * to start.
 */
class InvalidPolicyAtStartTest {

  private static final String BROKEN = "version: 1\nmode: enforce\nkeys:\n  default: deny\n  scopes: nope\n";
  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

  @TempDir Path dir;

  @Test
  void runsAndBlocksBuiltInEndpointsWithoutANetworkCall() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), BROKEN);
    try (ForkedJvm app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy,
        OpenAiJavaDriver.class, "http://127.0.0.1:9/v1", TestPolicy.OPENAI_KEY)) {
      app.awaitStderr(Pattern.compile("^\\[warden] policy rejected: " + Pattern.quote(policy.toString())
          + ":5:11: .*; keeping none"), 0, Duration.ofSeconds(60));
      // no network here: had Warden let it through, the call would fail to connect instead
      String answer = app.send("post https://api.openai.com/v1/chat/completions " + CHAT);
      assertThat(answer).startsWith("HTTP 403 ").contains("\"code\":\"warden_error\"");
    }
  }

  @Test
  void strictModeRefusesToStart() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), BROKEN);
    try (ForkedJvm app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy,
        List.of("-Dwarden.strict=true"), OpenAiJavaDriver.class, "http://127.0.0.1:9/v1", TestPolicy.OPENAI_KEY)) {
      assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
      assertThat(app.stderr()).contains(policy + ":5:11: ").contains("Warden refused to start");
    }
  }
}
