package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
import dev.warden.demo.RecordedRequest;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import dev.warden.it.drivers.BedrockDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bedrock Runtime through the AWS SDK v2 in a JVM with the agent: Converse (sync client, Apache
 * HttpClient 5), ConverseStream (async client, Netty, binary event stream), InvokeModel with an
 * Anthropic body and InvokeModelWithResponseStream (its chunks base64 Messages events), against
 * the fake provider reached by an endpoint override. The key scope matches the access key id the
 * SDK signs with; prompts are pseudonymized.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedrockTest {

  private static final String ACCESS_KEY_ID = "AKIAWARDENIT00000001";
  private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
  private static final String OTHER_MODEL = "anthropic.claude-opus-4-1-20250805-v1:0";
  private static final String EMAIL = "jane.doe@example.com";
  private static final Pattern LOADED = Pattern.compile("^\\[warden] policy loaded: ");

  private FakeLlmServer provider;
  private ForkedJvm app;
  private Path dir;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-bedrock-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write("""
        version: 1
        mode: enforce
        onError: block
        providers:
          - {name: bedrock, format: bedrock, baseUrl: "http://127.0.0.1:%d"}
        keys:
          default: deny
          scopes:
            - id: test-bedrock
              fingerprint: "%s"
              providers: [bedrock]
              models: ["anthropic.claude-3-5-haiku*"]
              operations: [chat]
        pii:
          prompts: pseudonymize
        audit:
          sink: file:%s
        """.formatted(provider.port(), TestPolicy.fingerprint(ACCESS_KEY_ID), dir.resolve("audit.jsonl")));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        List.of("-Dwarden.log=debug"), BedrockDriver.class, provider.baseUrl(), ACCESS_KEY_ID);
    app.awaitStderr(LOADED, 0, Duration.ofSeconds(60));
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
      Files.deleteIfExists(dir.resolve("audit.jsonl"));
      Files.deleteIfExists(dir);
    }
  }

  @BeforeEach
  void forget() {
    provider.clearRequests();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream", "invoke", "invoke-stream"})
  void allowedCallReachesTheProviderSignedAsSent(String call) {
    String prompt = "What is the capital of France?";
    assertThat(app.send(call + " " + MODEL + " " + prompt)).isEqualTo("echo: " + prompt);
    RecordedRequest received = onlyRequest();
    assertThat(received.lastUserText()).isEqualTo(prompt);
    assertThat(received.path()).isEqualTo("/model/" + MODEL + "/" + operation(call));
    assertThat(received.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/");
  }

  /**
   * The sync client sends through Apache HttpClient 5, which Warden also hooks: the interceptor
   * decides the call, before signing, and the HttpClient 5 hook under it leaves it alone.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "invoke"})
  void aSyncCallIsDecidedOnceAboveTheSdksHttpClient(String call) throws IOException {
    long before = decisionRecords();
    assertThat(app.send(call + " " + MODEL + " Decide me once")).isEqualTo("echo: Decide me once");
    assertThat(decisionRecords() - before).isEqualTo(1);
    assertThat(app.stderr()).contains("instrumented org.apache.hc.client5.http.impl.classic.InternalHttpClient");
  }

  private long decisionRecords() throws IOException {
    try (var lines = Files.lines(dir.resolve("audit.jsonl"))) {
      return lines.filter(line -> line.contains("\"decision\"")).count();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream", "invoke", "invoke-stream"})
  void addressIsPseudonymizedBeforeSigningAndRestoredForTheApplication(String call) {
    String prompt = "Please send the report to " + EMAIL + " today";
    assertThat(app.send(call + " " + MODEL + " " + prompt)).isEqualTo("echo: " + prompt);
    RecordedRequest received = onlyRequest();
    assertThat(received.body()).doesNotContain("jane.doe");
    assertThat(received.lastUserText()).matches("Please send the report to <EMAIL_[0-9a-f]{4,}> today");
    String signedHash = received.header("x-amz-content-sha256");
    if (signedHash != null && !signedHash.startsWith("UNSIGNED") && !signedHash.startsWith("STREAMING")) {
      assertThat(signedHash).as("the payload hash SigV4 signed is the rewritten body's").isEqualTo(sha256(received.body()));
    }
    assertThat(received.header("content-length")).isEqualTo(
        String.valueOf(received.body().getBytes(StandardCharsets.UTF_8).length));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream", "invoke", "invoke-stream"})
  void disallowedModelRaisesTheSdksOwnAccessDeniedAndNothingLeaves(String call) {
    ErrorAnswer error = ErrorAnswer.parse(app.send(call + " " + OTHER_MODEL + " Summarise our roadmap"));
    assertThat(error.status()).as(error.toString()).isEqualTo(403);
    assertThat(error.exception()).isEqualTo("AccessDeniedException");
    assertThat(error.code()).isEqualTo("AccessDeniedException");
    assertThat(error.body()).contains("warden model_not_allowed");
    assertThat(error.decision()).startsWith("blocked; rule=model; policy=sha256:");
    assertThat(provider.requests()).as("requests that reached the provider").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "stream", "invoke-stream"})
  void applicationOutputCarriesNoAddress(String call) {
    assertThat(app.stderr()).doesNotContain(EMAIL).doesNotContain("it-secret-access-key");
  }

  private static String operation(String call) {
    return switch (call) {
      case "stream" -> "converse-stream";
      case "invoke" -> "invoke";
      case "invoke-stream" -> "invoke-with-response-stream";
      default -> "converse";
    };
  }

  private RecordedRequest onlyRequest() {
    List<RecordedRequest> requests = provider.requests();
    assertThat(requests).as("requests that reached the provider").hasSize(1);
    return requests.get(0);
  }

  private static String sha256(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
