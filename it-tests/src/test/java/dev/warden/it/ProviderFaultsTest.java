package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.it.drivers.LangChain4jDriver;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.ResettingServer;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * A provider that answers 500 every time, closes the connection without an answer, or resets it
 * (TCP RST) after reading the request: the application gets the provider's own failure as its SDK
 * reports it (not a Warden block: no {@code x-warden-decision}), within
 * {@link FaultRun#CALL_BOUND}, through openai-java (OkHttp hook, one SDK retry) and LangChain4j
 * (JDK HttpClient hook, no retries), plain and streamed; each attempt is still decided and
 * audited, and the next call succeeds as if nothing happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderFaultsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FaultRun run;
  private Path audit;
  private ResettingServer resetting;
  private ForkedJvm openAi;
  private ForkedJvm langChain;
  private ForkedJvm openAiReset;
  private ForkedJvm langChainReset;

  @RegisterExtension
  final TranscriptOnFailure openAiTranscript = new TranscriptOnFailure(() -> openAi);

  @RegisterExtension
  final TranscriptOnFailure langChainTranscript = new TranscriptOnFailure(() -> langChain);

  @RegisterExtension
  final TranscriptOnFailure openAiResetTranscript = new TranscriptOnFailure(() -> openAiReset);

  @RegisterExtension
  final TranscriptOnFailure langChainResetTranscript = new TranscriptOnFailure(() -> langChainReset);

  @BeforeAll
  void start() throws IOException {
    run = FaultRun.start();
    audit = run.dir.resolve("audit.jsonl");
    PolicyFile policy = run.writePolicy("policy.yaml", run.policy("audit:\n  sink: file:" + audit + "\n"));
    resetting = ResettingServer.start();
    String url = resetting.openAiBaseUrl();
    PolicyFile resetPolicy = run.writePolicy("reset-policy.yaml", run.policy(url, ""));
    List<String> oneRetry = List.of("-Ddriver.maxRetries=1");
    openAi = run.start("openai-java", policy, FaultRun.Key.HELD, oneRetry, OpenAiJavaDriver.class);
    langChain = run.start("langchain4j", policy, FaultRun.Key.VIRTUAL, List.of(), LangChain4jDriver.class);
    openAiReset = run.start("openai-java reset", resetPolicy, FaultRun.Key.HELD, oneRetry, OpenAiJavaDriver.class, url);
    langChainReset = run.start("langchain4j reset", resetPolicy, FaultRun.Key.VIRTUAL, List.of(),
        LangChain4jDriver.class, url);
    for (ForkedJvm app : List.of(openAi, langChain, openAiReset, langChainReset)) {
      app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    }
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
    resetting.close();
  }

  @BeforeEach
  void forget() {
    run.provider.clearRequests();
  }

  private String failing(String mode) {
    return FaultRun.MODEL + " " + mode + ": " + run.planted.prompt();
  }

  @Test
  @Order(1)
  void a500IsTheProvidersErrorForEveryAttempt() {
    for (String command : List.of("chat ", "stream ")) {
      ErrorAnswer error = ErrorAnswer.parse(openAi.send(command + failing("fail always"), FaultRun.CALL_BOUND));
      assertThat(error.status()).as(command).isEqualTo(500);
      assertThat(error.decision()).as(command + "not Warden's answer").isEqualTo("-");
      assertThat(error.body()).as(command).contains("server_error");
    }
    assertThat(run.provider.requests()).as("each call and its retry reached the provider").hasSize(4);
    run.provider.clearRequests();
    ErrorAnswer error = ErrorAnswer.parse(langChain.send("chat " + failing("fail always"), FaultRun.CALL_BOUND));
    assertThat(error.status()).isEqualTo(500);
    assertThat(error.body()).contains("server_error");
    assertThat(run.provider.requests()).hasSize(1);
  }

  @Test
  @Order(2)
  void aCutConnectionIsTheSdksConnectionError() {
    for (ForkedJvm app : List.of(openAi, langChain)) {
      for (String command : List.of("chat ", "stream ")) {
        String answer = app.send(command + failing("cut connection"), FaultRun.CALL_BOUND);
        assertThat(answer).as(command).startsWith("FAILURE|").doesNotContain("warden");
      }
    }
    assertThat(run.provider.requests()).as("openai-java retried once; LangChain4j does not").hasSize(6);
  }

  @Test
  @Order(3)
  void aResetConnectionIsTheSdksConnectionError() {
    for (ForkedJvm app : List.of(openAiReset, langChainReset)) {
      for (String command : List.of("chat ", "stream ")) {
        String answer = app.send(command + FaultRun.MODEL + " " + run.planted.prompt(), FaultRun.CALL_BOUND);
        assertThat(answer).as(command).startsWith("FAILURE|").doesNotContain("warden");
      }
    }
    assertThat(resetting.resets()).as("openai-java retried once; LangChain4j does not").isEqualTo(6);
  }

  @Test
  @Order(4)
  void theNextCallsSucceed() {
    for (ForkedJvm app : List.of(openAi, langChain)) {
      assertThat(app.send(run.plantedChat(), FaultRun.CALL_BOUND)).isEqualTo(run.redactedEcho());
      assertThat(app.send("stream " + FaultRun.MODEL + " all good again", FaultRun.CALL_BOUND))
          .isEqualTo("echo: all good again");
    }
  }

  @Test
  @Order(5)
  void everyAttemptWasAuditedWithWhatWasFound() throws IOException {
    List<JsonNode> decisions = new ArrayList<>();
    for (String line : Files.readAllLines(audit)) {
      JsonNode record = JSON.readTree(line);
      if (record.has("decision")) {
        decisions.add(record);
      }
    }
    assertThat(decisions).as("5 + 6 failed attempts, 4 good calls").hasSize(15);
    assertThat(decisions.get(0).get("decision").asText()).isEqualTo("modify");
    assertThat(decisions.get(0).get("findings").toString()).contains("EMAIL").contains("CREDIT_CARD").contains("SECRET");
  }

  @Test
  @Order(6)
  void nothingPlantedLeaked() {
    System.out.println(getClass().getSimpleName() + " " + run.huntLeaks(run.hunt()));
  }
}
