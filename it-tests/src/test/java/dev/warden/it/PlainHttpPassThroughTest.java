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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP calls that are not LLM calls pass untouched, even when their JSON looks like a chat request
 * with a disallowed model and an e-mail address: the agent recognises LLM calls by endpoint, not by
 * content. The app JVM runs the openai-java driver, whose {@code get}/{@code post} commands use the
 * JDK HttpClient (the same hook LangChain4j goes through).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainHttpPassThroughTest {

  private static final String LOOKALIKE =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"write to jane.doe@example.com\"}]}";

  private FakeLlmServer provider;
  private FakeLlmServer otherService;
  private ForkedJvm app;
  private Path dir;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    otherService = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    otherService.close();
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir);
  }

  @Test
  void postToAnotherServiceIsUntouched() {
    String answer = app.send("post " + otherService.baseUrl() + "/api/notes " + LOOKALIKE);
    assertThat(answer).startsWith("HTTP 404 ").contains("Unknown path /api/notes");
    List<RecordedRequest> received = otherService.requests();
    assertThat(received).hasSize(1);
    assertThat(received.get(0).method()).isEqualTo("POST");
    assertThat(received.get(0).body()).isEqualTo(LOOKALIKE);
    assertThat(received.get(0).header("x-warden-decision")).isNull();
  }

  @Test
  void getToTheProvidersHostOnAnotherPathIsUntouched() {
    String answer = app.send("get " + provider.baseUrl() + "/health?probe=1");
    assertThat(answer).startsWith("HTTP 404 ");
    assertThat(provider.requests("/health")).singleElement()
        .satisfies(request -> assertThat(request.method()).isEqualTo("GET"));
  }
}
