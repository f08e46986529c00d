package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
import dev.warden.demo.RecordedRequest;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application that asks for gzip itself (JDK HttpClient does not decompress) would get a body
 * Warden cannot read, so its placeholders would reach the application unrestored. When the
 * response must be rewritten, Warden asks the provider for an uncompressed one; other calls keep
 * the application's Accept-Encoding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressedResponseTest {

  private static final String EMAIL = "jane.doe@example.com";
  private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"write to "
      + EMAIL + "\"}]}";

  private FakeLlmServer provider;
  private ForkedJvm app;
  private Path dir;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write("""
        version: 1
        mode: enforce
        onError: block
        providers:
          - {name: openai, format: openai, baseUrl: "http://127.0.0.1:%d/v1"}
        keys:
          default: allow
        pii:
          prompts: pseudonymize
        """.formatted(provider.port()));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir);
  }

  @BeforeEach
  void forget() {
    provider.clearRequests();
  }

  @Test
  void aCallWithPlaceholdersIsAnsweredUncompressedAndRestored() {
    String answer = app.send("post-gzip " + provider.openAiBaseUrl() + "/chat/completions " + CHAT);
    assertThat(answer).startsWith("HTTP 200 identity ").contains("echo: write to " + EMAIL);
    RecordedRequest received = provider.requests("/v1/chat/completions").get(0);
    assertThat(received.header("accept-encoding")).isEqualTo("identity");
    assertThat(received.body()).doesNotContain(EMAIL).contains("<EMAIL_");
  }

  @Test
  void aCallWithNothingToRestoreKeepsTheApplicationsCompression() {
    String clean = CHAT.replace(EMAIL, "the team");
    String answer = app.send("post-gzip " + provider.openAiBaseUrl() + "/chat/completions " + clean);
    assertThat(answer).startsWith("HTTP 200 gzip ").contains("echo: write to the team");
    assertThat(provider.requests("/v1/chat/completions").get(0).header("accept-encoding")).isEqualTo("gzip");
  }
}
