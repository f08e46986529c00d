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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11's incident switches in a running openai-java application, each in force on the next
 * call after the policy is saved and undone by saving it without: {@code disabled: true} on a key
 * scope refuses its key with 403 {@code key_disabled}, and {@code identity.blocked} refuses the
 * callers it names with 403 {@code principal_blocked}, before anything leaves the process; and
 * {@code mode: enforce} turns what a policy rolled out in {@code monitor} only recorded into refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentSwitchTest {

  private static final String CHAT = "chat gpt-4o-mini hello";

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
        List.of("-Dapp.user=mallory"), OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    Files.deleteIfExists(policy.path());
    Files.deleteIfExists(dir);
  }

  @Test
  void disablingAKeyScopeRefusesTheNextCallAndEnablingItLetsCallsThrough() {
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");

    reload(TestPolicy.yaml(provider.port()).replace("- id: test-openai\n", "- id: test-openai\n      disabled: true\n"));
    assertRefused("key_disabled", "blocked; rule=key");

    reload(TestPolicy.yaml(provider.port()));
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
  }

  @Test
  void blockingAPrincipalRefusesItsNextCallAndUnblockingItLetsCallsThrough() {
    String identity = "identity:\n  sources: [system-property:app.user]\n  blocked: [%s]\n";
    reload(TestPolicy.yaml(provider.port()) + identity.formatted("someone-else"));
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");

    reload(TestPolicy.yaml(provider.port()) + identity.formatted("mallory"));
    assertRefused("principal_blocked", "blocked; rule=principal");

    reload(TestPolicy.yaml(provider.port()) + identity.formatted("someone-else"));
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
  }

  @Test
  void enforcingEverywhereRefusesWhatMonitorOnlyRecorded() {
    String disabled = TestPolicy.yaml(provider.port())
        .replace("- id: test-openai\n", "- id: test-openai\n      disabled: true\n");
    assertThat(disabled).contains("mode: enforce");
    reload(disabled.replace("mode: enforce", "mode: monitor"));
    provider.clearRequests();
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
    assertThat(provider.requests()).as("monitor lets the call out").hasSize(1);

    reload(disabled);
    assertRefused("key_disabled", "blocked; rule=key");

    reload(TestPolicy.yaml(provider.port()));
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
  }

  private void assertRefused(String code, String decision) {
    provider.clearRequests();
    ErrorAnswer refused = ErrorAnswer.parse(app.send(CHAT));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo(code);
    assertThat(refused.decision()).startsWith(decision);
    assertThat(provider.requests()).as("nothing left the application").isEmpty();
  }

  private void reload(String yaml) {
    int mark = app.stderrMark();
    policy.write(yaml);
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
  }
}
