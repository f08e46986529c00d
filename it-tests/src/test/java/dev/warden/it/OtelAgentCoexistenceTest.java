package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.TracedAppDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.SkyWalkingBackend;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenTelemetry Java agent attached beside Warden, both exporting to SkyWalking: a web request
 * to the application (a server span, made by the OpenTelemetry agent) that calls the model through
 * openai-java yields one trace in which Warden's LLM span is a descendant of the server span. The
 * two agents' classes do not clash, and the application answers as it would without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtelAgentCoexistenceTest {

  private static final String SERVICE = "warden-it-coexistence";
  private static final Pattern LISTENING = Pattern.compile("^\\[app] listening on (\\d+)$");

  private SkyWalkingBackend backend;
  private FakeLlmServer provider;
  private Path dir;
  private ForkedJvm app;
  private int port;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    backend = SkyWalkingBackend.start();
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()));
    List<String> jvm = List.of("-javaagent:" + ItSettings.otelJavaAgent(),
        "-Dotel.service.name=" + SERVICE, "-Dotel.exporter.otlp.endpoint=" + backend.otlpEndpoint(),
        "-Dotel.exporter.otlp.protocol=grpc", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
        "-Dotel.bsp.schedule.delay=200");
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(), jvm,
        TracedAppDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    Matcher listening = app.awaitStderr(LISTENING, 0, Duration.ofSeconds(90));
    port = Integer.parseInt(listening.group(1));
  }

  @AfterAll
  void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (backend != null) {
      backend.close();
    }
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir);
  }

  @Test
  void wardensSpanIsInTheApplicationsTraceUnderItsServerSpan() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + port + "/ask?model=gpt-4o-mini&q=" + URLEncoder.encode("where is my parcel", StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("echo: where is my parcel");

    List<JsonNode> traces = backend.zipkinTraces(SERVICE, "warden.decision=allow");
    assertThat(traces).hasSize(1);
    String traceId = traces.get(0).get(0).get("traceId").asText();
    // the spans of one trace arrive in batches: the server span ends last, after the answer is written
    JsonNode trace = null;
    JsonNode warden = null;
    JsonNode server = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!linked(trace, warden, server) && System.nanoTime() < deadline) {
      trace = backend.zipkinTrace(traceId);
      warden = null;
      server = null;
      for (JsonNode span : trace) {
        if (span.path("tags").has("warden.decision")) {
          warden = span;
        } else if ("SERVER".equals(span.path("kind").asText())) {
          server = span;
        }
      }
      if (!linked(trace, warden, server)) {
        Thread.sleep(200);
      }
    }
    assertThat(server).as("the OpenTelemetry agent's server span in %s", trace).isNotNull();
    assertThat(warden).as("Warden's span in %s", trace).isNotNull();
    assertThat(warden.get("traceId").asText()).isEqualTo(server.get("traceId").asText());
    assertThat(ancestors(trace, warden)).as("Warden's span descends from the server span")
        .contains(server.get("id").asText());
  }

  /** Whether both spans are there and every span between them too. */
  private static boolean linked(JsonNode trace, JsonNode warden, JsonNode server) {
    return warden != null && server != null && ancestors(trace, warden).contains(server.get("id").asText());
  }

  /** The ids of {@code span}'s ancestors within {@code trace}, nearest first. */
  private static List<String> ancestors(JsonNode trace, JsonNode span) {
    List<String> ids = new ArrayList<>();
    String parent = span.path("parentId").asText(null);
    while (parent != null && !ids.contains(parent)) {
      ids.add(parent);
      String next = null;
      for (JsonNode candidate : trace) {
        if (parent.equals(candidate.get("id").asText())) {
          next = candidate.path("parentId").asText(null);
        }
      }
      parent = next;
    }
    return ids;
  }
}
