package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
import dev.warden.demo.RecordedRequest;
import dev.warden.it.drivers.AnthropicJavaDriver;
import dev.warden.it.drivers.LangChain4jDriver;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The applications hold only a virtual key; the fake provider receives the real key, read from a
 * secret file, through openai-java (OkHttp hook), LangChain4j (JDK HttpClient
 * hook) and anthropic-java. Rotating
 * the file changes the key of the next call, and the real keys appear in no line the JVMs print,
 * with Warden's debug log on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VirtualKeyTest {

  private static final String VIRTUAL = "wdn_it_support_7f3a";
  private static final String REAL_1 = "sk-it-real-first-4b1d9c0e7a5f3e21";
  private static final String REAL_2 = "sk-it-real-second-90c3aa17d2e84b6f";
  private static final String MODEL = "gpt-4o-mini";
  private static final String ANTHROPIC_VIRTUAL = "wdn_it_claude_51c2";
  private static final String ANTHROPIC_REAL = "sk-ant-it-real-7de2a4c18b09f355";

  private FakeLlmServer provider;
  private Path dir;
  private Path secret;
  private ForkedJvm openAi;
  private ForkedJvm langChain;
  private ForkedJvm anthropic;

  @RegisterExtension
  final TranscriptOnFailure openAiTranscript = new TranscriptOnFailure(() -> openAi);

  @RegisterExtension
  final TranscriptOnFailure langChainTranscript = new TranscriptOnFailure(() -> langChain);

  @RegisterExtension
  final TranscriptOnFailure anthropicTranscript = new TranscriptOnFailure(() -> anthropic);

  static String policy(int port, Path secret, Path anthropicSecret) {
    return """
        version: 1
        providers:
          - {name: openai, format: openai, baseUrl: "http://127.0.0.1:%1$d/v1"}
          - {name: anthropic, format: anthropic, baseUrl: "http://127.0.0.1:%1$d"}
        keys:
          default: deny
          scopes:
            - id: support-bot
              virtualKey: %2$s
              secret: file:%3$s
              providers: [openai]
              models: [gpt-4o-mini]
              maxOutputTokens: 256
              onMaxOutputTokens: clamp
            - id: claude-bot
              virtualKey: %4$s
              secret: file:%5$s
              providers: [anthropic]
        """.formatted(port, VIRTUAL, secret, ANTHROPIC_VIRTUAL, anthropicSecret);
  }

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    secret = dir.resolve("openai.key");
    Files.writeString(secret, REAL_1 + "\n");
    Files.writeString(dir.resolve("anthropic.key"), ANTHROPIC_REAL);
    PolicyFile file = new PolicyFile(dir.resolve("policy.yaml"));
    file.write(policy(provider.port(), secret, dir.resolve("anthropic.key")));
    List<String> debug = List.of("-Dwarden.log=debug");
    openAi = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), file.path(), debug,
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), VIRTUAL);
    langChain = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), file.path(), debug,
        LangChain4jDriver.class, provider.openAiBaseUrl(), VIRTUAL);
    anthropic = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), file.path(), debug,
        AnthropicJavaDriver.class, provider.anthropicBaseUrl(), ANTHROPIC_VIRTUAL);
    openAi.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    langChain.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    anthropic.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    openAi.close();
    langChain.close();
    anthropic.close();
    provider.close();
    Files.deleteIfExists(secret);
    Files.deleteIfExists(dir.resolve("anthropic.key"));
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir);
  }

  @BeforeEach
  void forget() {
    provider.clearRequests();
  }

  @Test
  @Order(1)
  void theProviderGetsTheRealKeyWhileTheAppsHoldTheVirtualOne() {
    assertThat(openAi.send("chat " + MODEL + " hello from openai-java")).isEqualTo("echo: hello from openai-java");
    assertThat(langChain.send("chat " + MODEL + " hello from langchain4j")).isEqualTo("echo: hello from langchain4j");
    assertThat(provider.requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.headers().get("authorization")).containsExactly("Bearer " + REAL_1);
      assertThat(request.body()).doesNotContain(VIRTUAL);
    });
  }

  @Test
  @Order(1)
  void anthropicJavaGetsTheRealKeyInTheHeaderItUsed() {
    assertThat(anthropic.send("chat claude-3-5-haiku-latest hello from anthropic-java"))
        .isEqualTo("echo: hello from anthropic-java");
    RecordedRequest request = provider.requests().get(0);
    assertThat(request.headers().get("authorization")).containsExactly("Bearer " + ANTHROPIC_REAL);
    assertThat(request.headers().toString()).doesNotContain(ANTHROPIC_VIRTUAL);
  }

  @Test
  @Order(2)
  void theScopeClampsTheOutputLimitItWasNotAskedFor() {
    openAi.send("chat " + MODEL + " hello");
    RecordedRequest request = provider.requests().get(0);
    assertThat(request.body()).contains("\"max_completion_tokens\":256");
  }

  @Test
  @Order(3)
  void aStreamAlsoGoesOutWithTheRealKey() {
    assertThat(langChain.send("stream " + MODEL + " a streamed hello")).isEqualTo("echo: a streamed hello");
    assertThat(provider.requests().get(0).headers().get("authorization")).containsExactly("Bearer " + REAL_1);
  }

  @Test
  @Order(4)
  void rotatingTheSecretFileChangesTheKeyOfTheNextCall() throws IOException {
    Path next = dir.resolve("openai.key.next");
    Files.writeString(next, REAL_2 + "\n");
    Files.move(next, secret, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    openAi.send("chat " + MODEL + " after rotation");
    langChain.send("chat " + MODEL + " after rotation");
    assertThat(provider.requests()).hasSize(2).allSatisfy(request ->
        assertThat(request.headers().get("authorization")).containsExactly("Bearer " + REAL_2));
  }

  @Test
  @Order(5)
  void noRealKeyInAnythingTheJvmsPrinted() {
    for (ForkedJvm jvm : List.of(openAi, langChain, anthropic)) {
      String printed = jvm.stdout() + "\n" + jvm.stderr();
      assertThat(printed).contains("key=").doesNotContain(REAL_1).doesNotContain(REAL_2)
          .doesNotContain("sk-it-real").doesNotContain(ANTHROPIC_REAL);
    }
  }
}
