package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An application holding a key that no scope names: {@code keys.default: deny} blocks it with
 * {@code key_not_allowed}, {@code allow} lets it through (still redacted), and {@code mode: monitor}
 * changes nothing at all. One openai-java JVM, the policy edited between tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyScopeAndModeTest {

  private static final String UNKNOWN_KEY = "sk-it-unknown-0000000000000009";
  private static final String PROMPT = "Forward this to jane.doe@example.com please";

  private FakeLlmServer provider;
  private PolicyFile policy;
  private ForkedJvm app;
  private Path dir;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), UNKNOWN_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    Files.deleteIfExists(policy.path());
    Files.deleteIfExists(dir);
  }

  @BeforeEach
  void forgetRequests() {
    provider.clearRequests();
  }

  @Test
  @Order(1)
  void keyOutsideEveryScopeIsBlockedWithKeyNotAllowed() {
    String answer = app.send("chat gpt-4o-mini " + PROMPT);
    ErrorAnswer error = parse(answer);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.exception()).isEqualTo("PermissionDeniedException");
    assertThat(error.code()).isEqualTo("key_not_allowed");
    assertThat(error.decision()).startsWith("blocked; rule=key");
    assertThat(provider.requests()).isEmpty();
  }

  @Test
  @Order(2)
  void defaultAllowLetsTheKeyThroughButStillRedacts() {
    reload(TestPolicy.yaml(provider.port()).replace("default: deny", "default: allow"));
    assertThat(app.send("chat gpt-4o-mini " + PROMPT))
        .isEqualTo("echo: Forward this to [EMAIL] please");
    assertThat(provider.requests()).singleElement()
        .satisfies(request -> assertThat(request.body()).doesNotContain("jane.doe@example.com"));
  }

  @Test
  @Order(3)
  void monitorModeDecidesButChangesNothing() {
    reload(TestPolicy.yaml(provider.port()).replace("mode: enforce", "mode: monitor"));
    assertThat(app.send("chat gpt-4o " + PROMPT)).isEqualTo("echo: " + PROMPT);
    assertThat(provider.requests()).singleElement()
        .satisfies(request -> assertThat(request.lastUserText()).isEqualTo(PROMPT));
  }

  private void reload(String yaml) {
    int mark = app.stderrMark();
    policy.write(yaml);
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
  }

  private ErrorAnswer parse(String answer) {
    try {
      return ErrorAnswer.parse(answer);
    } catch (AssertionError e) {
      throw app.failure(e.getMessage());
    }
  }
}
