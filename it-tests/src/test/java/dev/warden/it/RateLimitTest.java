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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Key scope limits with real SDKs: a burst over {@code requestsPerMinute} through openai-java (its
 * retries off, as an application sees the first answer) gets a 429 the SDK raises as its rate limit
 * error, with {@code Retry-After}; and a {@code tokensPerDay} budget through LangChain4j is charged
 * what the provider's response said the call used, not Warden's estimate, a stream included
 * (openai-java asks for the usage chunk).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {

  private static final String MODEL = "gpt-4o-mini";
  private static final String BUDGET_KEY = "sk-it-budget-0000000000000002";
  private static final String STREAM_KEY = "sk-it-stream-0000000000000003";

  private FakeLlmServer provider;
  private Path dir;
  private ForkedJvm openAi;
  private ForkedJvm langChain;
  private ForkedJvm streaming;

  @RegisterExtension
  final TranscriptOnFailure openAiTranscript = new TranscriptOnFailure(() -> openAi);

  @RegisterExtension
  final TranscriptOnFailure langChainTranscript = new TranscriptOnFailure(() -> langChain);

  @RegisterExtension
  final TranscriptOnFailure streamingTranscript = new TranscriptOnFailure(() -> streaming);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write("""
        version: 1
        providers:
          - {name: openai, format: openai, baseUrl: "http://127.0.0.1:%d/v1"}
        keys:
          scopes:
            - id: burst
              fingerprint: "%s"
              limits: {requestsPerMinute: 2}
            - id: budget
              fingerprint: "%s"
              limits: {tokensPerDay: 100}
            - id: stream-budget
              fingerprint: "%s"
              limits: {tokensPerDay: 100}
        """.formatted(provider.port(), TestPolicy.fingerprint(TestPolicy.OPENAI_KEY), TestPolicy.fingerprint(BUDGET_KEY),
        TestPolicy.fingerprint(STREAM_KEY)));
    openAi = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        List.of("-Ddriver.maxRetries=0"), OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    langChain = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        LangChain4jDriver.class, provider.openAiBaseUrl(), BUDGET_KEY);
    streaming = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        List.of("-Ddriver.maxRetries=0"), OpenAiJavaDriver.class, provider.openAiBaseUrl(), STREAM_KEY);
    openAi.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    streaming.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    langChain.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    openAi.close();
    langChain.close();
    streaming.close();
    provider.close();
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir);
  }

  @Test
  void aBurstOverRequestsPerMinuteGets429WithRetryAfter() {
    provider.clearRequests();
    assertThat(openAi.send("chat " + MODEL + " one")).isEqualTo("echo: one");
    assertThat(openAi.send("chat " + MODEL + " two")).isEqualTo("echo: two");
    ErrorAnswer third = ErrorAnswer.parse(openAi.send("chat " + MODEL + " three"));
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.exception()).isEqualTo("RateLimitException");
    assertThat(third.code()).isEqualTo("rate_limited");
    assertThat(third.retryAfter()).isEqualTo("30"); // 2 a minute: the next one in 30 s
    assertThat(third.decision()).startsWith("blocked; rule=limit; policy=sha256:");
    assertThat(third.body()).contains("key scope 'burst' is over its requestsPerMinute");
    assertThat(provider.requests()).hasSize(2);
  }

  @Test
  void aBudgetIsChargedWhatTheResponseSaysTheCallUsed() {
    // 40 words: Warden estimates 20 tokens; the fake provider reports 40 in and 41 out
    String forty = "a ".repeat(40).strip();
    assertThat(langChain.send("chat " + MODEL + " " + forty)).startsWith("echo: ");
    ErrorAnswer over = ErrorAnswer.parse(langChain.send("chat " + MODEL + " " + forty));
    assertThat(over.status()).isEqualTo(429);
    assertThat(over.body()).contains("budget_exceeded").contains("tokensPerDay");
  }

  @Test
  void aStreamIsChargedTheUsageOfItsLastChunk() {
    String forty = "a ".repeat(40).strip();
    assertThat(streaming.send("stream " + MODEL + " " + forty)).startsWith("echo: ");
    ErrorAnswer over = ErrorAnswer.parse(streaming.send("stream " + MODEL + " " + forty));
    assertThat(over.status()).isEqualTo(429);
    assertThat(over.code()).isEqualTo("budget_exceeded");
    assertThat(Long.parseLong(over.retryAfter())).as("a day refills 100 tokens, one per 864 s").isBetween(600L, 864L);
  }
}
