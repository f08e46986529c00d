package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
import dev.warden.demo.RecordedRequest;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A Spring Boot 4 web application calling Spring AI 2's OpenAI {@code ChatModel} (openai-java over
 * OkHttp underneath, built by Spring AI rather than by openai-java's own builder), started as a fat
 * jar with {@code java -javaagent:… -jar} and exercised over HTTP, as an operator would run it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpringAi2BootAppTest {

  private static final String EMAIL = "jane.doe@example.com";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeLlmServer provider;
  private ForkedJvm app;
  private Path dir;
  private int port;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws Exception {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()));
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    app = ForkedJvm.start(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(), List.of(),
        List.of("-jar", ItSettings.springAi2AppJar().toString(), "--server.port=" + port,
            "--spring.ai.openai.base-url=" + provider.openAiBaseUrl(),
            "--spring.ai.openai.api-key=" + TestPolicy.OPENAI_KEY));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!app.stdout().contains("Started SpringAi2Application")) {
      if (System.nanoTime() > deadline) {
        throw app.failure("the application did not start within " + START_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(200);
    }
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
  void anAllowedCallReachesTheProviderUnchanged() throws Exception {
    assertThat(post("/chat", "gpt-4o-mini", "What is the capital of France?"))
        .isEqualTo("200 echo: What is the capital of France?");
    RecordedRequest received = onlyRequest();
    assertThat(received.lastUserText()).isEqualTo("What is the capital of France?");
    assertThat(received.headers().get("authorization")).containsExactly("Bearer " + TestPolicy.OPENAI_KEY);
  }

  @Test
  void anEmailAddressNeverLeavesTheApplication() throws Exception {
    assertThat(post("/chat", "gpt-4o-mini", "Send the report to " + EMAIL))
        .isEqualTo("200 echo: Send the report to [EMAIL]");
    assertThat(onlyRequest().body()).doesNotContain(EMAIL);
  }

  @Test
  void aStreamIsRedactedToo() throws Exception {
    assertThat(post("/stream", "gpt-4.1-mini", "Count to three, then mail " + EMAIL))
        .isEqualTo("200 echo: Count to three, then mail [EMAIL]");
    RecordedRequest received = onlyRequest();
    assertThat(received.body()).contains("\"stream\":true").doesNotContain(EMAIL);
  }

  @Test
  void aModelOutsideTheScopeIsRefusedWithTheSdksOwnExceptionAndNothingLeaves() throws Exception {
    String answer = post("/chat", "gpt-4o", "Summarise our roadmap");
    // openai-java's own 403 exception, carrying the message of Warden's OpenAI-shaped error
    assertThat(answer).startsWith("502 ERROR|").contains("PermissionDeniedException")
        .contains("model 'gpt-4o' is not allowed for key scope 'test-openai'");
    assertThat(provider.requests()).isEmpty();
  }

  @Test
  @Order(99)
  void nothingSecretIsLoggedAfterAllTheCalls() {
    assertThat(app.stdout() + app.stderr()).doesNotContain(TestPolicy.OPENAI_KEY).doesNotContain(EMAIL);
  }

  private String post(String path, String model, String prompt) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?model="
            + URLEncoder.encode(model, StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(prompt))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private RecordedRequest onlyRequest() {
    assertThat(provider.requests()).hasSize(1);
    RecordedRequest received = provider.requests().get(0);
    assertThat(received.path()).isEqualTo("/v1/chat/completions");
    return received;
  }
}
