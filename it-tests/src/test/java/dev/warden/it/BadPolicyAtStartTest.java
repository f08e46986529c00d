package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.BadPolicyCorpus;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.TestPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JVMs started with one kind of broken policy each (a subset of the bad-policy corpus, to bound
 * the time: one JVM per file): each runs, names the file's error as {@code file:line:col}, says
 * that calls follow onError, and blocks a call to a built-in endpoint with {@code warden_error}
 * without touching the network.
 */
class BadPolicyAtStartTest {

  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
  private static final String KEEPING_NONE = "; keeping none (calls follow onError: block)";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"syntax-tab-indent.yaml", "syntax-alias-bomb.yaml", "unknown-scope-key.yaml",
      "missing-version.yaml", "glob-brackets.yaml", "regex-nested-repeat-blowup.yaml", "duplicate-scope-id.yaml",
      "secret-file-missing.yaml", "binary-png.bin"})
  void runsWithItsErrorAtItsPlaceAndCallsFollowOnError(String name) throws IOException {
    BadPolicyCorpus.Case broken = BadPolicyCorpus.named(name);
    Path policy = Files.copy(broken.file(), dir.resolve("policy.yaml"));
    runsAndBlocks(policy, "[warden] policy rejected: " + policy + ":" + broken.error() + KEEPING_NONE);
  }

  @Test
  void aFiftyMegabyteFileIsRefusedAsAWhole() throws IOException {
    Path policy = dir.resolve("policy.yaml");
    byte[] comment = "# padding padding padding padding padding padding padding padding\n".getBytes();
    try (OutputStream out = Files.newOutputStream(policy)) {
      out.write("version: 1\n".getBytes());
      for (long written = 0; written < 50_000_000L; written += comment.length) {
        out.write(comment);
      }
    }
    runsAndBlocks(policy, "[warden] policy rejected: " + policy + ":1:1: policy file is larger than 1 MiB" + KEEPING_NONE);
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path policy = dir.resolve("policy.yaml");
    runsAndBlocks(policy, "[warden] policy file " + policy + " cannot be read (NoSuchFileException)" + KEEPING_NONE);
  }

  private static void runsAndBlocks(Path policy, String errorLine) throws IOException {
    try (ForkedJvm app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy,
        OpenAiJavaDriver.class, "http://127.0.0.1:9/v1", TestPolicy.OPENAI_KEY)) {
      app.awaitStderr(Pattern.compile("^" + Pattern.quote(errorLine) + "$"), 0, Duration.ofSeconds(60));
      // no network here: had Warden let it through, the call would fail to connect instead
      String answer = app.send("post https://api.openai.com/v1/chat/completions " + CHAT);
      assertThat(answer).startsWith("HTTP 403 ").contains("\"code\":\"warden_error\"");
      assertThat(app.send("post https://api.openai.com/v1/chat/completions " + CHAT))
          .as("the application goes on").isEqualTo(answer);
    }
  }
}
