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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An audit file that cannot be written: reported once, and the calls go on; with
 * {@code audit.required: true} (after a hot reload) a call whose record cannot be written is
 * refused with {@code warden_error} before the network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditUnwritableTest {

  private FakeLlmServer provider;
  private Path dir;
  private PolicyFile policy;
  private ForkedJvm app;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  private String policyYaml(boolean required) {
    // a regular file where the trail's directory should be: nothing can be written under it
    return TestPolicy.yaml(provider.port()) + "audit:\n  sink: file:" + dir.resolve("blocker").resolve("audit.jsonl")
        + "\n  required: " + required + "\n";
  }

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    Files.writeString(dir.resolve("blocker"), "not a directory");
    policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(policyYaml(false));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir.resolve("blocker"));
    Files.deleteIfExists(dir);
  }

  @Test
  @Order(1)
  void callsGoOnAndTheFailureIsReportedOnce() {
    assertThat(app.send("chat gpt-4o-mini one")).isEqualTo("echo: one");
    assertThat(app.send("chat gpt-4o-mini two")).isEqualTo("echo: two");
    assertThat(app.stderr()).containsOnlyOnce("audit record not written to file:");
    assertThat(provider.requests()).hasSize(2);
  }

  @Test
  @Order(2)
  void withRequiredTheCallIsRefused() {
    int mark = app.stderrMark();
    policy.write(policyYaml(true));
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
    provider.clearRequests();
    ErrorAnswer error = ErrorAnswer.parse(app.send("chat gpt-4o-mini three"));
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.code()).isEqualTo("warden_error");
    assertThat(error.body()).contains("audit record");
    assertThat(provider.requests()).isEmpty();
  }
}
