package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
import dev.warden.demo.RecordedRequest;
import dev.warden.it.drivers.BedrockDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bedrock through the AWS SDK v2 authenticated with a Bedrock API key (a Bearer token, no SigV4):
 * the key scope matches that key, whose fingerprint Warden takes from the SDK's token identity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedrockApiKeyTest {

  private static final String API_KEY = "ABSKQmVkcm9ja0FQSUtleS1pdC10ZXN0LWtleS0wMDAwMDAwMQ==";
  private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
  private static final String EMAIL = "jane.doe@example.com";

  private FakeLlmServer provider;
  private ForkedJvm app;
  private Path dir;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-bedrock-key-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write("""
        version: 1
        providers:
          - {name: bedrock, format: bedrock, baseUrl: "http://127.0.0.1:%d"}
        keys:
          default: deny
          scopes:
            - id: bedrock-api-key
              fingerprint: "%s"
              models: ["anthropic.claude-3-5-haiku*"]
        pii:
          prompts: pseudonymize
        """.formatted(provider.port(), TestPolicy.fingerprint(API_KEY)));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(), List.of(),
        BedrockDriver.class, provider.baseUrl(), "AKIAUNUSEDBYBEARER01", API_KEY);
    app.awaitStderr(Pattern.compile("^\\[warden] policy loaded: "), 0, Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (provider != null) {
      provider.close();
    }
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir);
  }

  @BeforeEach
  void forget() {
    provider.clearRequests();
  }

  @Test
  void theApiKeysScopeAllowsTheCallAndPseudonymizesIt() {
    assertThat(app.send("chat " + MODEL + " Mail " + EMAIL)).isEqualTo("echo: Mail " + EMAIL);
    assertThat(provider.requests()).hasSize(1);
    RecordedRequest received = provider.requests().get(0);
    assertThat(received.header("authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(received.body()).doesNotContain(EMAIL);
    assertThat(received.lastUserText()).matches("Mail <EMAIL_[0-9a-f]{4,}>");
  }

  @Test
  void aModelOutsideTheKeysScopeIsTheSdksAccessDenied() {
    ErrorAnswer error = ErrorAnswer.parse(app.send("chat anthropic.claude-opus-4-1-20250805-v1:0 Plan the launch"));
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.exception()).isEqualTo("AccessDeniedException");
    assertThat(error.body()).contains("model_not_allowed");
    assertThat(provider.requests()).isEmpty();
  }
}
