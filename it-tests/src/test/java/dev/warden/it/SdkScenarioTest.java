package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.warden.demo.FakeLlmServer;
import dev.warden.demo.RecordedRequest;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-to-end scenario every SDK goes through: one application JVM with the agent, driven
 * command by command, against a fake provider that records what actually arrived. Tests run in
 * order in that one JVM; the policy edits come last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SdkScenarioTest {

  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(20);
  static final Pattern LOADED = Pattern.compile("^\\[warden] policy loaded: (.+) \\((sha256:[0-9a-f]{64})\\)");
  static final Pattern RELOADED = Pattern.compile("^\\[warden] policy reloaded: (.+) \\((sha256:[0-9a-f]{64})\\)");
  static final String EMAIL = "jane.doe@example.com";
  static final String SECOND_EMAIL = "ops.lead@example.org";
  /** A value of the custom entity the pseudonymizing policy adds: a quote and a backslash, escaped in JSON. */
  static final String BADGE = "B\"1234\\";

  private static final ObjectMapper JSON = new ObjectMapper();

  protected FakeLlmServer provider;
  protected ForkedJvm app;
  protected PolicyFile policy;
  private Path dir;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  /** The driver main class. */
  abstract Class<?> driver();

  /** The base URL the SDK is configured with. */
  abstract String baseUrl();

  abstract String apiKey();

  /** The path the SDK posts its calls to. */
  abstract String path();

  /** A model inside the key's scope. */
  abstract String allowedModel();

  /** A model outside the baseline scope; the policy edit adds it. */
  abstract String disallowedModel();

  /** A model outside every policy the tests write. */
  abstract String neverAllowedModel();

  /** The exception the SDK throws for a 403. */
  abstract String expectedException();

  /** A fragment of the provider-shaped error body that the SDK keeps. */
  abstract String expectedErrorBody();

  /** The policy with {@code extraModels} added to this SDK's key scope. */
  abstract String policyAllowing(List<String> extraModels);

  /** A regex every path the SDK posts its calls to matches: {@link #path()} by default. */
  String pathPattern() {
    return Pattern.quote(path());
  }

  /** The model a request that reached the provider asks for: its body's {@code model} by default. */
  String modelOf(RecordedRequest request) {
    return json(request).path("model").asText();
  }

  /** Whether a request that reached the provider asks for a stream: its body's {@code stream} by default. */
  boolean streamed(RecordedRequest request) {
    return json(request).path("stream").asBoolean(false);
  }

  /** Whether the SDK's exception exposes response headers (LangChain4j's does not). */
  boolean exposesHeaders() {
    return true;
  }

  /** The provider error code the SDK parses out of the body, or null when it parses none. */
  String expectedCode() {
    return null;
  }

  Path javaHome() {
    return ItSettings.currentJavaHome();
  }

  /** Starts the application JVM with the agent: the driver on the test class path by default. */
  ForkedJvm startApplication(Path policyFile) throws IOException {
    return ForkedJvm.startDriver(javaHome(), ItSettings.agentJar(), policyFile, driver(), baseUrl(), apiKey());
  }

  /** How a test rewrites the policy: in place by default. */
  void rewritePolicy(String yaml) {
    policy.write(yaml);
  }

  @BeforeAll
  void startApplication() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(policyAllowing(List.of()));
    app = startApplication(policy.path());
    app.awaitStderr(LOADED, 0, START_TIMEOUT);
  }

  @AfterAll
  void stopApplication() throws IOException {
    if (app != null) {
      app.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @BeforeEach
  void forgetRequests() {
    provider.clearRequests();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream"})
  @Order(1)
  void allowedCallPassesUnchanged(String call) {
    String prompt = "What is the capital of France?";
    expectAnswer(call + " " + allowedModel() + " " + prompt, "echo: " + prompt);
    RecordedRequest received = onlyRequest();
    assertThat(received.lastUserText()).isEqualTo(prompt);
    assertThat(modelOf(received)).isEqualTo(allowedModel());
    assertThat(streamed(received)).isEqualTo(call.equals("stream"));
    assertThat(received.headers().values()).as("the API key still reaches the provider")
        .anySatisfy(values -> assertThat(values).anySatisfy(value -> assertThat(value).contains(apiKey())));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream"})
  @Order(2)
  void emailAddressNeverReachesTheProvider(String call) {
    String withEmail = "Please send the report to " + EMAIL + " today";
    String redacted = "Please send the report to [EMAIL] today";
    expectAnswer(call + " " + allowedModel() + " " + withEmail, "echo: " + redacted);
    RecordedRequest received = onlyRequest();
    assertThat(received.body()).doesNotContain("jane.doe").doesNotContain("example.com");
    assertThat(received.lastUserText()).isEqualTo(redacted);

    provider.clearRequests();
    String withoutEmail = "Please send the report to the team today";
    expectAnswer(call + " " + allowedModel() + " " + withoutEmail, "echo: " + withoutEmail);
    assertThat(masked(received, "[EMAIL]"))
        .as("apart from the address, the rewritten body keeps every field the SDK wrote")
        .isEqualTo(masked(onlyRequest(), "the team"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream"})
  @Order(3)
  void disallowedModelGetsTheSdksOwn403AndNothingLeaves(String call) {
    ErrorAnswer error = expectError(call + " " + disallowedModel() + " Summarise our roadmap");
    assertBlockedByModelRule(error);
    assertThat(provider.requests()).as("requests that reached the provider").isEmpty();
  }

  @Test
  @Order(10)
  void policyEditTakesEffectOnTheNextCall() {
    assertBlockedByModelRule(expectError("chat " + disallowedModel() + " Before the edit"));

    rewriteAndAwait(policyAllowing(List.of(disallowedModel())), RELOADED);

    expectAnswer("chat " + disallowedModel() + " After the edit", "echo: After the edit");
    expectAnswer("stream " + disallowedModel() + " Streamed after the edit", "echo: Streamed after the edit");
    assertThat(provider.requests()).hasSize(2).allSatisfy(request -> assertThat(request.path()).matches(pathPattern()));
  }

  @Test
  @Order(11)
  void brokenEditKeepsTheLastGoodPolicy() {
    String good = policyAllowing(List.of(disallowedModel(), "model-added-by-the-last-good-edit"));
    String goodHash = rewriteAndAwait(good, RELOADED).group(2);

    String broken = good.replaceFirst("\n( +)operations:", "\n$1modelz: [oops]\n$1operations:");
    int line = TestPolicy.lineOf(broken, "modelz:");
    Pattern rejected = Pattern.compile("^\\[warden] policy rejected: (.+):" + line
        + ":(\\d+): (.+); keeping (sha256:[0-9a-f]{64})$");
    Matcher rejection = rewriteAndAwait(broken, rejected);
    assertThat(rejection.group(1)).endsWith(policy.path().getFileName().toString());
    assertThat(Integer.parseInt(rejection.group(2))).as("column of the unknown key").isEqualTo(7);
    assertThat(rejection.group(4)).as("the hash kept is the last good one").isEqualTo(goodHash);

    expectAnswer("chat " + disallowedModel() + " Still allowed", "echo: Still allowed");
    ErrorAnswer stillBlocked = expectError("chat " + neverAllowedModel() + " Still blocked");
    assertBlockedByModelRule(stillBlocked);
    if (exposesHeaders()) {
      assertThat(stillBlocked.decision()).as("the policy that decided").endsWith("policy=" + goodHash);
    }
    expectAnswer("chat " + allowedModel() + " Mail " + EMAIL, "echo: Mail [EMAIL]");
    assertThat(provider.requests()).hasSize(2).noneSatisfy(r -> assertThat(r.body()).contains(EMAIL));
  }

  @Test
  @Order(20)
  void switchToPseudonymization() {
    String pseudonymize = policyAllowing(List.of()).replace("  prompts: redact",
        "  prompts: pseudonymize\n  custom:\n    - {name: BADGE, pattern: 'B\"\\d{4}\\\\'}");
    assertThat(pseudonymize).contains("prompts: pseudonymize");
    rewriteAndAwait(pseudonymize, RELOADED);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream"})
  @Order(21)
  void pseudonymizedValuesNeverLeaveAndComeBackInTheCompletion(String call) {
    String prompt = "Please send the report to " + EMAIL + ", cc " + SECOND_EMAIL + " and again " + EMAIL + " today";
    expectAnswer(call + " " + allowedModel() + " " + prompt, "echo: " + prompt);
    RecordedRequest received = onlyRequest();
    assertThat(received.body()).doesNotContain("jane.doe").doesNotContain("ops.lead");
    Matcher sent = Pattern.compile("Please send the report to (<EMAIL_[0-9a-f]{4,}>), cc (<EMAIL_[0-9a-f]{4,}>)"
        + " and again (<EMAIL_[0-9a-f]{4,}>) today").matcher(received.lastUserText());
    assertThat(sent.matches()).as("what the provider received: " + received.lastUserText()).isTrue();
    assertThat(sent.group(1)).isEqualTo(sent.group(3)).isNotEqualTo(sent.group(2));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tool", "tool-stream"})
  @Order(22)
  void toolCallArgumentsCarryTheRealValuesThatNeverLeft(String call) {
    // the fake provider calls the tool with {"text": the prompt it received}
    String prompt = "Mail badge " + BADGE + " to " + EMAIL + ", cc " + SECOND_EMAIL;
    expectAnswer(call + " " + allowedModel() + " " + prompt, prompt);
    RecordedRequest received = onlyRequest();
    assertThat(received.body()).doesNotContain("jane.doe").doesNotContain("ops.lead").doesNotContain("\"1234");
    assertThat(received.lastUserText())
        .matches("Mail badge <BADGE_[0-9a-f]{4,}> to <EMAIL_[0-9a-f]{4,}>, cc <EMAIL_[0-9a-f]{4,}>");
  }

  @Test
  @Order(99)
  void applicationOutputCarriesNoKeyAndNoAddress() {
    assertThat(app.stderr() + "\n" + app.stdout()).doesNotContain(apiKey());
    assertThat(app.stderr()).doesNotContain(EMAIL);
  }

  void assertBlockedByModelRule(ErrorAnswer error) {
    assertThat(error.status()).as(error.toString()).isEqualTo(403);
    assertThat(error.exception()).isEqualTo(expectedException());
    assertThat(error.body()).contains("model_not_allowed").contains(expectedErrorBody());
    if (expectedCode() != null) {
      assertThat(error.code()).isEqualTo(expectedCode());
    }
    if (exposesHeaders()) {
      assertThat(error.decision()).startsWith("blocked; rule=model; policy=sha256:");
    }
  }

  /** Rewrites the policy and waits for the agent's verdict on it; returns the matching stderr line. */
  Matcher rewriteAndAwait(String yaml, Pattern verdict) {
    int mark = app.stderrMark();
    rewritePolicy(yaml);
    return app.awaitStderr(verdict, mark, RELOAD_TIMEOUT);
  }

  /** Sends a call that the SDK must fail, and parses its error; fails with the transcript otherwise. */
  ErrorAnswer expectError(String command) {
    String answer = app.send(command);
    try {
      return ErrorAnswer.parse(answer);
    } catch (AssertionError e) {
      throw app.failure("'" + command + "': " + e.getMessage());
    }
  }

  void expectAnswer(String command, String expected) {
    String answer = app.send(command);
    if (!answer.equals(expected)) {
      throw app.failure("'" + command + "'\n  expected: " + expected + "\n  answered: " + answer);
    }
  }

  RecordedRequest onlyRequest() {
    List<RecordedRequest> requests = provider.requests();
    assertThat(requests).as("requests that reached the provider").hasSize(1);
    assertThat(requests.get(0).path()).matches(pathPattern());
    return requests.get(0);
  }

  static JsonNode json(RecordedRequest request) {
    try {
      return JSON.readTree(request.body());
    } catch (IOException e) {
      throw new AssertionError("the provider received a body that is not JSON: " + request.body(), e);
    }
  }

  /** The request's JSON with {@code text} replaced by "…" in every string value. */
  static JsonNode masked(RecordedRequest request, String text) {
    return masked(json(request), text);
  }

  private static JsonNode masked(JsonNode node, String text) {
    if (node.isTextual()) {
      return TextNode.valueOf(node.asText().replace(text, "…"));
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(masked(element, text)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), masked(field.getValue(), text));
      }
      return copy;
    }
    return node;
  }
}
