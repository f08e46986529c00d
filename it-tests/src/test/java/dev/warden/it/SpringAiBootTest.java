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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Spring Boot 3.5 web application calling Spring AI 1.1's OpenAI and Anthropic {@code ChatModel}s
 * from a controller, run as an operator runs it ({@code java -javaagent:… -jar app.jar}, Spring AI
 * configured by properties) and exercised over HTTP. Each subclass is one packaging of it, and
 * states which transports Spring Boot gave Spring AI there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SpringAiBootTest {

  static final String EMAIL = "jane.doe@example.com";
  static final Pattern LISTENING = Pattern.compile("spring-ai-app listening on (\\d+)");
  static final Pattern LOADED = Pattern.compile("^\\[warden] policy loaded: ");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private FakeLlmServer provider;
  private ForkedJvm app;
  private Path dir;
  private int port;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  /** The fat jar. */
  abstract Path appJar();

  /** What {@code GET /transport} answers: the RestClient's request factory and the WebClient's connector, per API. */
  abstract String expectedTransports();

  /** The class whose {@code doExecute} carries Spring AI's plain calls here, or null when no HttpClient 5 is used. */
  abstract String instrumentedHttpClient5();

  /** The transport classes whose hooks carry Spring AI's calls and streams here. */
  List<String> instrumentedTransports() {
    return List.of("jdk.internal.net.http.HttpClientImpl");
  }

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-spring-ai-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()).replace("  prompts: redact", "  prompts: pseudonymize"));
    app = ForkedJvm.start(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        List.of("-Dwarden.log=debug"),
        List.of("-jar", appJar().toString(), "--server.port=0", "--server.address=127.0.0.1",
            "--spring.ai.openai.base-url=" + provider.baseUrl(),
            "--spring.ai.openai.api-key=" + TestPolicy.OPENAI_KEY,
            "--spring.ai.anthropic.base-url=" + provider.baseUrl(),
            "--spring.ai.anthropic.api-key=" + TestPolicy.ANTHROPIC_KEY,
            "--spring.ai.retry.max-attempts=1"));
    app.awaitStderr(LOADED, 0, Duration.ofSeconds(60));
    port = Integer.parseInt(app.awaitStderr(LISTENING, 0, Duration.ofSeconds(90)).group(1));
  }

  @AfterAll
  void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (dir != null) {
      Files.deleteIfExists(dir.resolve("policy.yaml"));
      Files.deleteIfExists(dir);
    }
  }

  @BeforeEach
  void forgetRequests() {
    provider.clearRequests();
  }

  @Test
  @Order(0)
  void springBootGaveSpringAiTheseTransports() throws Exception {
    assertThat(get("/transport")).isEqualTo(expectedTransports());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"openai, chat", "openai, stream", "anthropic, chat", "anthropic, stream"})
  @Order(1)
  void allowedCallPassesUnchanged(String api, String call) throws Exception {
    String prompt = "What is the capital of France?";
    assertThat(post(api, call, allowedModel(api), prompt)).isEqualTo(answer(200, "echo: " + prompt));
    RecordedRequest received = onlyRequest(api);
    assertThat(received.lastUserText()).isEqualTo(prompt);
    assertThat(received.body()).contains("\"stream\":" + call.equals("stream"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"openai, chat", "openai, stream", "anthropic, chat", "anthropic, stream"})
  @Order(2)
  void pseudonymizedAddressNeverLeavesAndComesBackToTheApplication(String api, String call) throws Exception {
    String prompt = "Please send the report to " + EMAIL + " today";
    assertThat(post(api, call, allowedModel(api), prompt)).isEqualTo(answer(200, "echo: " + prompt));
    RecordedRequest received = onlyRequest(api);
    assertThat(received.body()).doesNotContain("jane.doe");
    assertThat(received.lastUserText()).matches("Please send the report to <EMAIL_[0-9a-f]{4,}> today");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"openai, chat", "openai, stream", "anthropic, chat", "anthropic, stream"})
  @Order(3)
  void disallowedModelFailsAsSpringAiFailsAndNothingLeaves(String api, String call) throws Exception {
    String answer = post(api, call, api.equals("openai") ? "gpt-4o" : "claude-opus-4-1", "Summarise our roadmap");
    assertThat(answer).startsWith("502 ERROR|" + expectedException(api, call) + "|").contains("403");
    assertThat(answer).contains(api.equals("openai") ? "model_not_allowed" : "warden model_not_allowed");
    assertThat(provider.requests()).as("requests that reached the provider").isEmpty();
  }

  @Test
  @Order(4)
  void theHooksThatCarriedTheCalls() {
    String instrumented = instrumentedHttpClient5();
    if (instrumented == null) {
      assertThat(app.stderr()).doesNotContain("instrumented org.apache.hc.");
    } else {
      assertThat(app.stderr()).contains("instrumented " + instrumented);
    }
    for (String transport : instrumentedTransports()) {
      assertThat(app.stderr()).contains("instrumented " + transport);
    }
    assertThat(app.stderr()).doesNotContain("could not instrument").doesNotContain("internal error")
        .doesNotContain("are not checked");
  }

  @Test
  @Order(99)
  void applicationOutputCarriesNoKeyAndNoAddress() {
    assertThat(app.stderr() + "\n" + app.stdout()).doesNotContain(TestPolicy.OPENAI_KEY)
        .doesNotContain(TestPolicy.ANTHROPIC_KEY).doesNotContain(EMAIL);
  }

  /**
   * What the application catches for a blocked call. A plain call reaches Spring AI's RestClient
   * error handler as a 4xx, raised as NonTransientAiException("HTTP 403 - body") and not retried.
   * A blocked OpenAI stream fails in the WebClient's retrieve() as
   * WebClientResponseException.Forbidden (the body in getResponseBodyAsString()); Spring AI's
   * Anthropic stream maps it to a RuntimeException("Response exception, Status: [403 FORBIDDEN],
   * Body:[…]").
   */
  static String expectedException(String api, String call) {
    if (call.equals("chat")) {
      return "org.springframework.ai.retry.NonTransientAiException";
    }
    return api.equals("openai") ? "org.springframework.web.reactive.function.client.WebClientResponseException$Forbidden"
        : "java.lang.RuntimeException";
  }

  static String allowedModel(String api) {
    return api.equals("openai") ? "gpt-4o-mini" : "claude-3-5-haiku-latest";
  }

  static String answer(int status, String body) {
    return status + " " + body;
  }

  private RecordedRequest onlyRequest(String api) {
    List<RecordedRequest> requests = provider.requests();
    assertThat(requests).as("requests that reached the provider").hasSize(1);
    assertThat(requests.get(0).path()).isEqualTo(api.equals("openai") ? "/v1/chat/completions" : "/v1/messages");
    return requests.get(0);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  /** The application's status and body for one controller call. */
  private String post(String api, String call, String model, String prompt) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/" + api + "/" + call + "?model="
        + URLEncoder.encode(model, StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "text/plain; charset=utf-8")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(prompt)).build(), HttpResponse.BodyHandlers.ofString());
    return answer(response.statusCode(), response.body());
  }
}
