package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.OtlpCapture;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TempDirs;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import dev.warden.it.harness.VerifyAuditCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11's runtime inventory in a running openai-java application: the openai-java jars are
 * audited with the version they are (read from the jars, not guessed), the first call of each
 * provider, model, endpoint and key scope is audited once, the {@code inventory} command prints
 * both, and the {@code warden.inventory.libraries} gauge reaches an OTLP endpoint. Then
 * {@code inventory.deny}: a range that holds the running version refuses the next call with 403
 * {@code library_not_allowed} before anything leaves the process, a range that does not lets it
 * through, and {@code action: report} lets it through with a finding in its audit record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeInventoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT = "chat gpt-4o-mini hello";
  /** The openai-java the driver runs, as its jar's manifest says. */
  private static final String OPENAI_VERSION = OpenAIClient.class.getPackage().getImplementationVersion();
  private static final String CORE = "com.openai:openai-java-core:" + OPENAI_VERSION;

  private FakeLlmServer provider;
  private OtlpCapture otlp;
  private Path dir;
  private Path audit;
  private PolicyFile policy;
  private ForkedJvm app;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    assertThat(OPENAI_VERSION).as("openai-java's manifest names its version").isNotBlank();
    provider = FakeLlmServer.start();
    otlp = OtlpCapture.start();
    dir = Files.createTempDirectory("warden-it-");
    audit = dir.resolve("audit.jsonl");
    policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(policyYaml(""));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        List.of("-Dotel.service.name=inventory-it", "-Dotel.exporter.otlp.endpoint=" + otlp.endpoint(),
            "-Dotel.exporter.otlp.protocol=http/protobuf", "-Dotel.metric.export.interval=500",
            "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none"),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  private String policyYaml(String inventory) {
    return TestPolicy.yaml(provider.port()) + "audit:\n  sink: file:" + audit + "\n" + inventory;
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    otlp.close();
    TempDirs.delete(dir);
  }

  @Test
  @Order(1)
  void theLibraryAndEachFirstUseAreAuditedOnceAndTheCliPrintsThem() throws IOException {
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
    assertThat(app.send("chat gpt-4.1-mini hello")).isEqualTo("echo: hello");

    List<JsonNode> libraries = awaitRecords("library_detected", 2);
    assertThat(libraries).extracting(r -> r.path("library").asText() + ":" + r.path("version").asText())
        .contains(CORE, "com.openai:openai-java-client-okhttp:" + OPENAI_VERSION)
        .doesNotHaveDuplicates();
    assertThat(libraries).filteredOn(r -> r.path("library").asText().equals("com.openai:openai-java-core"))
        .extracting(r -> r.path("source").asText()).containsExactly("manifest");

    List<JsonNode> uses = records("llm_first_use");
    assertThat(uses).extracting(r -> r.path("model").asText()).containsExactly("gpt-4o-mini", "gpt-4.1-mini");
    JsonNode first = uses.get(0);
    assertThat(first.path("provider").asText()).isEqualTo("openai");
    assertThat(first.path("operation").asText()).isEqualTo("chat");
    assertThat(first.path("endpoint").asText()).isEqualTo("127.0.0.1:" + provider.port());
    assertThat(first.path("keyId").asText()).isEqualTo("test-openai");
    assertThat(first.path("libraries").toString()).contains(CORE);
    assertThat(Files.readString(audit)).doesNotContain(TestPolicy.OPENAI_KEY).doesNotContain("hello")
        .doesNotContain("/v1/chat");
    assertThat(VerifyAuditCli.run(null, List.of(audit)).output()).contains("intact");

    String printed = inventoryCli();
    assertThat(printed).containsPattern("inventory-it +com\\.openai:openai-java-core +" + OPENAI_VERSION.replace(".", "\\.")
        + " +manifest");
    assertThat(printed).containsPattern("inventory-it +openai +chat +gpt-4o-mini +127\\.0\\.0\\.1:" + provider.port()
        + " +test-openai +\\S+ +.*" + CORE.replace(".", "\\."));
  }

  @Test
  @Order(2)
  void theLibraryGaugeReachesTheOtlpEndpoint() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      while (!exported("warden.inventory.libraries") || !exported("openai-java-core")) {
        Thread.sleep(100);
      }
    });
    assertThat(exported(OPENAI_VERSION)).isTrue();
  }

  @Test
  @Order(3)
  void aDenyRangeThatHoldsTheRunningVersionRefusesTheNextCall() throws IOException {
    reload("inventory:\n  deny: [\"com.openai:openai-java:[4.0.0,%s]\"]\n".formatted(OPENAI_VERSION));
    provider.clearRequests();
    ErrorAnswer refused = ErrorAnswer.parse(app.send(CHAT));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.exception()).isEqualTo("PermissionDeniedException");
    assertThat(refused.code()).isEqualTo("library_not_allowed");
    assertThat(refused.decision()).startsWith("blocked; rule=library");
    assertThat(provider.requests()).as("nothing left the application").isEmpty();
    JsonNode record = lastDecision();
    assertThat(record.path("code").asText()).isEqualTo("library_not_allowed");
    assertThat(record.path("rule").asText()).isEqualTo("library");

    reload("inventory:\n  deny: [\"com.openai:openai-java:<" + OPENAI_VERSION + "\", \"com.anthropic:anthropic-java:(,9]\"]\n");
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
  }

  @Test
  @Order(4)
  void reportLetsTheCallThroughWithAFindingInItsRecord() throws IOException {
    reload("inventory:\n  deny: [\"com.openai:openai-java:>=4.0.0\"]\n  action: report\n");
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
    JsonNode record = lastDecision();
    assertThat(record.path("decision").asText()).isEqualTo("allow");
    assertThat(record.path("findings").toString()).contains("\"rule\":\"library\"").contains(CORE);

    reload("");
    assertThat(app.send(CHAT)).isEqualTo("echo: hello");
    assertThat(lastDecision().path("findings").toString()).doesNotContain("library");
  }

  private void reload(String inventory) {
    int mark = app.stderrMark();
    policy.write(policyYaml(inventory));
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
  }

  private boolean exported(String text) {
    return otlp.bodies().stream().anyMatch(body -> new String(body, StandardCharsets.ISO_8859_1).contains(text));
  }

  private String inventoryCli() throws IOException {
    try (ForkedJvm cli = ForkedJvm.start(ItSettings.currentJavaHome(), null, null, List.of(),
        List.of("-jar", ItSettings.agentJar().toString(), "inventory", audit.toString()))) {
      assertThat(cli.awaitExit(Duration.ofMinutes(1))).isZero();
      return cli.stdout();
    }
  }

  private List<JsonNode> records(String event) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (String line : Files.readAllLines(audit)) {
      JsonNode record = JSON.readTree(line);
      if (event.equals(record.path("event").asText())) {
        found.add(record);
      }
    }
    return found;
  }

  /** The library records, read on Warden's own thread, may land after the first call's. */
  private List<JsonNode> awaitRecords(String event, int atLeast) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      List<JsonNode> found = records(event);
      while (found.size() < atLeast) {
        Thread.sleep(50);
        found = records(event);
      }
      return found;
    });
  }

  private JsonNode lastDecision() throws IOException {
    JsonNode last = null;
    for (String line : Files.readAllLines(audit)) {
      JsonNode record = JSON.readTree(line);
      if (record.has("decision")) {
        last = record;
      }
    }
    return last;
  }
}
