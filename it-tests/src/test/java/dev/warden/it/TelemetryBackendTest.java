package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.SkyWalkingBackend;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warden's spans and metrics arrive in a real backend: an openai-java application with the agent,
 * configured only by {@code otel.*} properties, exports over OTLP gRPC to Apache SkyWalking OAP on
 * loopback; the test finds the spans of an allowed, a redacted and a blocked call through
 * SkyWalking's Zipkin API with their GenAI and Warden attributes, {@code warden.decisions} through
 * its PromQL API, and the audit records' trace ids in the same traces; the audit trail's checkpoint
 * and, from a second application, the {@code otlp} audit sink's records through its LogQL API; from
 * a fourth, an anomaly alert's {@code warden.alert} log record and its {@code warden.alerts} count; the
 * planted key and e-mail address appear in no span and no log record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryBackendTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICE = "warden-it-telemetry";
  private static final String EMAIL = "jane.doe@example.com";
  private static final String OTLP_SERVICE = "warden-it-audit-otlp";
  private static final String CONTENT_SERVICE = "warden-it-content";
  private static final String ALERTS_SERVICE = "warden-it-alerts";

  private SkyWalkingBackend backend;
  private FakeLlmServer provider;
  private Path dir;
  private Path audit;
  private ForkedJvm app;
  private ForkedJvm otlpApp;
  private ForkedJvm contentApp;
  private ForkedJvm alertsApp;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @RegisterExtension
  final TranscriptOnFailure otlpTranscript = new TranscriptOnFailure(() -> otlpApp);

  @RegisterExtension
  final TranscriptOnFailure contentTranscript = new TranscriptOnFailure(() -> contentApp);

  @RegisterExtension
  final TranscriptOnFailure alertsTranscript = new TranscriptOnFailure(() -> alertsApp);

  private List<String> otel(String service) {
    return List.of("-Dotel.service.name=" + service, "-Dotel.exporter.otlp.endpoint=" + backend.otlpEndpoint(),
        "-Dotel.exporter.otlp.protocol=grpc", "-Dotel.bsp.schedule.delay=200", "-Dotel.metric.export.interval=2000",
        "-Dotel.blrp.schedule.delay=200", "-Dwarden.audit.checkpoint.seconds=1");
  }

  @BeforeAll
  void start() throws IOException {
    backend = SkyWalkingBackend.start();
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    audit = dir.resolve("audit.jsonl");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()) + "audit:\n  sink: file:" + audit + "\n");
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(), otel(SERVICE),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    PolicyFile otlpPolicy = new PolicyFile(dir.resolve("otlp-policy.yaml"));
    otlpPolicy.write(TestPolicy.yaml(provider.port()) + "audit:\n  sink: otlp\n");
    otlpApp = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), otlpPolicy.path(), otel(OTLP_SERVICE),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    PolicyFile contentPolicy = new PolicyFile(dir.resolve("content-policy.yaml"));
    contentPolicy.write(TestPolicy.yaml(provider.port()).replace("prompts: redact", "prompts: detect")
        + "telemetry:\n  content: redacted\n");
    contentApp = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), contentPolicy.path(), otel(CONTENT_SERVICE),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    PolicyFile alertsPolicy = new PolicyFile(dir.resolve("alerts-policy.yaml"));
    alertsPolicy.write(TestPolicy.yaml(provider.port()) + "alerts:\n  blockRate: {ratio: 0.5, window: 1m, minCalls: 1}\n");
    alertsApp = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), alertsPolicy.path(),
        otel(ALERTS_SERVICE), OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    alertsApp.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    otlpApp.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    contentApp.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    assertThat(contentApp.send("system-stream gpt-4o-mini You help with invoices. || mail " + EMAIL + " today"))
        .isEqualTo("echo: mail " + EMAIL + " today");
    assertThat(otlpApp.send("chat gpt-4o-mini mail " + EMAIL)).isEqualTo("echo: mail [EMAIL]");
    assertThat(app.send("chat gpt-4o-mini hello there")).isEqualTo("echo: hello there");
    assertThat(app.send("chat gpt-4.1 fail once, then answer")).isEqualTo("echo: fail once, then answer");
    assertThat(app.send("stream gpt-4.1-mini mail " + EMAIL)).isEqualTo("echo: mail [EMAIL]");
    assertThat(ErrorAnswer.parse(app.send("chat gpt-4o a model outside the scope")).code()).isEqualTo("model_not_allowed");
    assertThat(ErrorAnswer.parse(alertsApp.send("chat gpt-4o a model outside the scope")).code())
        .isEqualTo("model_not_allowed");
  }

  @AfterAll
  void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (otlpApp != null) {
      otlpApp.close();
    }
    if (contentApp != null) {
      contentApp.close();
    }
    if (alertsApp != null) {
      alertsApp.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (backend != null) {
      backend.close();
    }
    Files.deleteIfExists(audit);
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir.resolve("otlp-policy.yaml"));
    Files.deleteIfExists(dir.resolve("content-policy.yaml"));
    Files.deleteIfExists(dir.resolve("alerts-policy.yaml"));
    Files.deleteIfExists(dir);
  }

  private static JsonNode span(List<JsonNode> traces) {
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0)).hasSize(1);
    return traces.get(0).get(0);
  }

  @Test
  void anAllowedCallIsAClientSpanWithItsUsage() {
    JsonNode span = span(backend.zipkinTraces(SERVICE, "gen_ai.request.model=gpt-4o-mini"));
    assertThat(span.get("name").asText()).isEqualTo("chat gpt-4o-mini");
    assertThat(span.get("kind").asText()).isEqualTo("CLIENT");
    JsonNode tags = span.get("tags");
    assertThat(tags.get("gen_ai.operation.name").asText()).isEqualTo("chat");
    assertThat(tags.get("gen_ai.provider.name").asText()).isEqualTo("openai");
    assertThat(tags.get("gen_ai.request.model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(tags.get("gen_ai.response.model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(tags.get("gen_ai.usage.input_tokens").asText()).isEqualTo("2");
    assertThat(tags.get("gen_ai.usage.output_tokens").asText()).isEqualTo("3");
    assertThat(tags.get("gen_ai.response.finish_reasons").asText()).isEqualTo("stop");
    assertThat(tags.get("server.address").asText()).isEqualTo("127.0.0.1");
    assertThat(tags.get("warden.key.id").asText()).isEqualTo("test-openai");
    assertThat(tags.get("warden.policy.hash").asText()).startsWith("sha256:");
    assertThat(tags.get("warden.pii.count").asText()).isEqualTo("0");
    assertThat(tags.has("error.type")).isFalse();
    assertThat(tags.get("warden.framework").asText()).as("the SDK-level operation").isEqualTo("openai-java");
    assertThat(tags.get("warden.attempts").asText()).isEqualTo("1");
  }

  @Test
  void theSdksRetryIsOneOperationSpan() {
    JsonNode span = span(backend.zipkinTraces(SERVICE, "gen_ai.request.model=gpt-4.1"));
    JsonNode tags = span.get("tags");
    assertThat(tags.get("warden.framework").asText()).isEqualTo("openai-java");
    assertThat(tags.get("warden.attempts").asText()).as("the 503 and the retry").isEqualTo("2");
    assertThat(tags.has("error.type")).as("the retry succeeded").isFalse();
    assertThat(tags.get("gen_ai.usage.output_tokens").asText()).isEqualTo("5");
    assertThat(span.get("annotations").toString()).contains("warden.attempt");
    assertThat(provider.requests("/v1/chat/completions")).filteredOn(r -> r.body().contains("fail once")).hasSize(2);
  }

  @Test
  void aRedactedStreamHasItsFindingsAndTheUsageOfItsLastChunk() {
    JsonNode tags = span(backend.zipkinTraces(SERVICE, "warden.decision=modify")).get("tags");
    assertThat(tags.get("gen_ai.request.model").asText()).isEqualTo("gpt-4.1-mini");
    assertThat(tags.get("warden.rule").asText()).isEqualTo("pii");
    assertThat(tags.get("warden.pii.count").asText()).isEqualTo("1");
    assertThat(tags.get("warden.pii.types").asText()).isEqualTo("EMAIL");
    assertThat(tags.has("gen_ai.usage.output_tokens")).isTrue();
  }

  @Test
  void aBlockedCallIsASpanWithErrorType() {
    JsonNode tags = span(backend.zipkinTraces(SERVICE, "warden.decision=block")).get("tags");
    assertThat(tags.get("gen_ai.request.model").asText()).isEqualTo("gpt-4o");
    assertThat(tags.get("warden.rule").asText()).isEqualTo("model");
    assertThat(tags.get("error.type").asText()).isEqualTo("model_not_allowed");
    assertThat(tags.get("otel.status_code").asText()).isEqualTo("STATUS_CODE_ERROR");
  }

  @Test
  void decisionsAreCountedInPromQl() {
    double blocked = backend.promValue("meter_warden_decisions{service=\"" + SERVICE
        + "\",layer=\"GENERAL\",decision=\"block\",rule=\"model\"}");
    assertThat(blocked).isGreaterThan(0);
  }

  @Test
  void auditRecordsNameTheirSpans() throws IOException {
    List<String> traceIds = new ArrayList<>();
    for (String line : Files.readAllLines(audit)) {
      JsonNode record = JSON.readTree(line);
      if (record.has("decision")) {
        traceIds.add(record.get("traceId").asText());
      }
    }
    assertThat(traceIds).as("one record per wire call; the retried call's two share its span").hasSize(5);
    assertThat(traceIds.get(2)).isEqualTo(traceIds.get(1));
    assertThat(traceIds.stream().distinct()).hasSize(4);
    JsonNode trace = backend.zipkinTrace(traceIds.get(4));
    assertThat(trace.get(0).get("tags").get("warden.decision").asText()).isEqualTo("block");
  }

  @Test
  void theFileTrailsCheckpointIsExportedAsALogRecord() throws IOException {
    List<String> lines = Files.readAllLines(audit);
    JsonNode newest = JSON.readTree(lines.get(lines.size() - 1));
    // SkyWalking's LogQL takes no escaped quotes: find the checkpoints, then the one of the newest record
    JsonNode checkpoint = null;
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (checkpoint == null && System.nanoTime() < deadline) {
      for (String line : backend.lokiLines(SERVICE, "audit_checkpoint")) {
        JsonNode candidate = JSON.readTree(line);
        if (candidate.get("seq").asLong() == newest.get("seq").asLong()) {
          checkpoint = candidate;
        }
      }
    }
    assertThat(checkpoint).as("a checkpoint of record %s", newest.get("seq")).isNotNull();
    assertThat(checkpoint.get("hash").asText()).isEqualTo(newest.get("hash").asText());
    assertThat(checkpoint.get("sink").asText()).isEqualTo("file:" + audit);
  }

  @Test
  void theOtlpSinkExportsEachRecordAsALogRecord() throws IOException {
    List<JsonNode> records = new ArrayList<>();
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (records.size() < 2 && System.nanoTime() < deadline) {
      records.clear();
      for (String line : backend.lokiLines(OTLP_SERVICE, "sha256")) {
        JsonNode record = JSON.readTree(line);
        // the runtime inventory's records (RuntimeInventoryTest) come whenever a jar has been read
        if (!record.path("event").asText().equals("library_detected")
            && !record.path("event").asText().equals("llm_first_use")) {
          records.add(record);
        }
      }
    }
    assertThat(records).extracting(r -> r.path("event").asText(r.path("decision").asText()))
        .containsExactlyInAnyOrder("policy_loaded", "modify");
    JsonNode modified = records.stream().filter(r -> r.has("decision")).findFirst().orElseThrow();
    JsonNode loaded = records.stream().filter(r -> r.has("event")).findFirst().orElseThrow();
    assertThat(modified.get("seq").asLong()).as("numbered in the chain").isGreaterThan(loaded.get("seq").asLong());
    assertThat(modified.get("findings").toString()).contains("EMAIL");
    assertThat(modified.get("traceId").asText()).hasSize(32);
    assertThat(records.toString()).doesNotContain(EMAIL).doesNotContain(TestPolicy.OPENAI_KEY);
  }

  @Test
  void anAlertIsALogRecordAndCountedInPromQl() throws IOException {
    List<String> lines = backend.lokiLines(ALERTS_SERVICE, "block_rate");
    assertThat(lines).hasSize(1);
    JsonNode alert = JSON.readTree(lines.get(0));
    assertThat(alert.get("alert").asText()).isEqualTo("block_rate");
    assertThat(alert.get("severity").asText()).isEqualTo("WARN");
    assertThat(alert.get("partition").asText()).isEqualTo("key");
    assertThat(alert.get("keyId").asText()).isEqualTo("test-openai");
    assertThat(alert.get("model").asText()).isEqualTo("gpt-4o");
    assertThat(alert.get("observed").asDouble()).isEqualTo(1.0);
    assertThat(alert.get("window").asText()).isEqualTo("1m");
    assertThat(lines.get(0)).doesNotContain(TestPolicy.OPENAI_KEY).doesNotContain("outside the scope");
    assertThat(backend.promValue("meter_warden_alerts{service=\"" + ALERTS_SERVICE
        + "\",layer=\"GENERAL\",kind=\"block_rate\"}")).isGreaterThan(0);
  }

  @Test
  void contentRedactedPutsThePromptAndTheCompletionOnTheSpanWithoutThePiiValue() {
    JsonNode span = span(backend.zipkinTraces(CONTENT_SERVICE, "warden.decision=allow"));
    String annotations = span.get("annotations").toString();
    assertThat(annotations).contains("gen_ai.content.prompt").contains("gen_ai.content.completion")
        .contains("system: You help with invoices.").contains("user: mail [EMAIL] today")
        .contains("echo: mail [EMAIL] today").doesNotContain(EMAIL).doesNotContain("jane.doe");
  }

  @Test
  void noKeyAndNoPiiValueInAnySpan() {
    List<JsonNode> all = new ArrayList<>();
    for (String decision : List.of("allow", "modify", "block")) {
      all.addAll(backend.zipkinTraces(SERVICE, "warden.decision=" + decision));
    }
    String exported = all.toString();
    assertThat(exported).doesNotContain(TestPolicy.OPENAI_KEY).doesNotContain(EMAIL).doesNotContain("jane.doe")
        .doesNotContain("hello there");
  }
}
