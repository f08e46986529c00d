package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.LangChain4jDriver;
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
 * {@code identity.sources: [spring-security]}: the user the application signed in to Spring
 * Security is the caller, and its authorities map to roles. A key scope for role {@code support}
 * lets a support user through, and refuses another user ({@code role_not_allowed}) before the
 * network, through openai-java (OkHttp) and LangChain4j (JDK HttpClient).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerRoleTest {

  private static final String MODEL = "gpt-4o-mini";

  private FakeLlmServer provider;
  private Path dir;
  private ForkedJvm openAi;
  private ForkedJvm langChain;

  @RegisterExtension
  final TranscriptOnFailure openAiTranscript = new TranscriptOnFailure(() -> openAi);

  @RegisterExtension
  final TranscriptOnFailure langChainTranscript = new TranscriptOnFailure(() -> langChain);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write("""
        version: 1
        identity:
          sources: [spring-security]
          roles:
            ROLE_SUPPORT: [support]
            "*": [default]
        providers:
          - {name: openai, format: openai, baseUrl: "http://127.0.0.1:%d/v1"}
        keys:
          default: deny
          scopes:
            - id: support-bot
              fingerprint: "%s"
              roles: [support]
        """.formatted(provider.port(), TestPolicy.fingerprint(TestPolicy.OPENAI_KEY)));
    openAi = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    langChain = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        LangChain4jDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    openAi.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    langChain.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    openAi.close();
    langChain.close();
    provider.close();
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir);
  }

  @BeforeEach
  void forget() {
    provider.clearRequests();
  }

  @Test
  void aSupportUserGetsThrough() {
    assertThat(openAi.send("as alice ROLE_USER,ROLE_SUPPORT chat " + MODEL + " hi")).isEqualTo("echo: hi");
    assertThat(langChain.send("as alice ROLE_SUPPORT chat " + MODEL + " hi")).isEqualTo("echo: hi");
    assertThat(provider.requests()).hasSize(2);
  }

  @Test
  void aUserWithoutTheRoleIsRefusedBeforeTheNetwork() {
    for (ForkedJvm app : new ForkedJvm[] {openAi, langChain}) {
      ErrorAnswer error = ErrorAnswer.parse(app.send("as mallory ROLE_USER chat " + MODEL + " hi"));
      assertThat(error.status()).isEqualTo(403);
      assertThat(error.body()).contains("role_not_allowed").doesNotContain("mallory");
    }
    assertThat(ErrorAnswer.parse(openAi.send("as mallory ROLE_USER chat " + MODEL + " hi")).decision())
        .startsWith("blocked; rule=role; policy=sha256:");
    assertThat(provider.requests()).isEmpty();
  }

  @Test
  void nobodySignedInHasOnlyTheRolesOfEveryone() {
    ErrorAnswer error = ErrorAnswer.parse(openAi.send("chat " + MODEL + " hi"));
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.body()).contains("role_not_allowed");
    assertThat(provider.requests()).isEmpty();
  }
}
