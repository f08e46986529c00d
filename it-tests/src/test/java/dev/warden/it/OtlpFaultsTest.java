package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.LeakHunt;
import dev.warden.it.harness.OtlpCapture;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.SilentServer;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Telemetry that cannot be delivered never reaches the application's calls: with the OTLP
 * endpoint down (nothing listening, gRPC) or hanging (a server that accepts and never answers,
 * {@code http/protobuf}), spans, metrics and the {@code otlp} audit sink's records are dropped off
 * the calling thread; every call returns within {@link FaultRun#CALL_BOUND} with its usual answer,
 * though the exporter's own timeout is set far above that bound, and the JVM still exits when the
 * application ends. A third application exports to a capture that works, to show the same calls do
 * export spans (prompts included, redacted): the leak hunt then searches what was exported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtlpFaultsTest {

  /** The exporters wait this long for an answer: a call that waited on one would break the bound. */
  private static final String EXPORT_TIMEOUT_MILLIS = "60000";
  private static final Duration EXIT_BOUND = Duration.ofSeconds(25);

  private FaultRun run;
  private SilentServer silent;
  private OtlpCapture capture;
  private ForkedJvm down;
  private ForkedJvm hanging;
  private ForkedJvm working;

  @RegisterExtension
  final TranscriptOnFailure downTranscript = new TranscriptOnFailure(() -> down);

  @RegisterExtension
  final TranscriptOnFailure hangingTranscript = new TranscriptOnFailure(() -> hanging);

  private static List<String> otel(String endpoint, String protocol) {
    return List.of("-Dotel.service.name=warden-faults", "-Dotel.exporter.otlp.endpoint=" + endpoint,
        "-Dotel.exporter.otlp.protocol=" + protocol, "-Dotel.exporter.otlp.timeout=" + EXPORT_TIMEOUT_MILLIS,
        "-Dotel.bsp.schedule.delay=100", "-Dotel.blrp.schedule.delay=100", "-Dotel.metric.export.interval=500");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @BeforeAll
  void start() throws IOException {
    run = FaultRun.start();
    silent = SilentServer.start();
    capture = OtlpCapture.start();
    PolicyFile policy = run.writePolicy("policy.yaml", run.policy("""
        telemetry:
          content: redacted
        audit:
          sink: otlp
        """));
    down = run.start("otlp-down", policy, FaultRun.Key.VIRTUAL, otel("http://127.0.0.1:" + closedPort(), "grpc"),
        OpenAiJavaDriver.class);
    hanging = run.start("otlp-hanging", policy, FaultRun.Key.HELD,
        otel("http://127.0.0.1:" + silent.port(), "http/protobuf"), OpenAiJavaDriver.class);
    working = run.start("otlp-working", policy, FaultRun.Key.VIRTUAL, otel(capture.endpoint(), "http/protobuf"),
        OpenAiJavaDriver.class);
    for (ForkedJvm app : List.of(down, hanging, working)) {
      app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    }
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
    silent.close();
    capture.close();
  }

  @Test
  @Order(1)
  void callsGoOnWithinTheBoundWhenTheCollectorIsDownOrHangs() {
    for (ForkedJvm app : List.of(down, hanging, working)) {
      for (int i = 0; i < 5; i++) {
        assertThat(app.send(run.plantedChat(), FaultRun.CALL_BOUND)).isEqualTo(run.redactedEcho());
        assertThat(app.send("stream " + FaultRun.MODEL + " streamed call " + i, FaultRun.CALL_BOUND))
            .isEqualTo("echo: streamed call " + i);
      }
      assertThat(ErrorAnswer.parse(app.send("chat gpt-4o a model outside the scope", FaultRun.CALL_BOUND)).code())
          .isEqualTo("model_not_allowed");
    }
    assertThat(run.provider.requests()).hasSize(30);
  }

  @Test
  @Order(2)
  void theHangingCollectorWasReallyAskedAndTheWorkingOneGotSpans() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while ((silent.accepted() == 0 || !exported("warden.decision")) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(silent.accepted()).as("the hanging collector got connections").isPositive();
    assertThat(exported("warden.decision")).as("spans arrived at the working capture").isTrue();
    assertThat(exported("[EMAIL]")).as("with the prompt, redacted: the hunt below searches real content").isTrue();
  }

  /**
   * The SDK flushes at exit, bounded by its own 10 s: the JVMs exit in parallel here, each within
   * {@link #EXIT_BOUND}; how long each took is printed for SECURITY.md, not asserted.
   */
  @Test
  @Order(3)
  void eachJvmStillExitsWhenTheApplicationEnds() {
    Map<String, CompletableFuture<Long>> exits = new LinkedHashMap<>();
    Map.of("down", down, "hanging", hanging, "working", working).forEach((name, app) ->
        exits.put(name, CompletableFuture.supplyAsync(() -> {
          long started = System.nanoTime();
          assertThat(app.awaitExit(EXIT_BOUND)).isZero();
          return Duration.ofNanos(System.nanoTime() - started).toMillis();
        })));
    exits.forEach((name, exit) ->
        System.out.println(getClass().getSimpleName() + ": the collector-" + name + " JVM exited in " + exit.join() + " ms"));
  }

  @Test
  @Order(4)
  void nothingPlantedLeaked() {
    LeakHunt.Report report = run.huntLeaks(run.hunt().otlp("exported telemetry", capture)
        .bytes("bytes sent to the hanging collector", silent::received));
    System.out.println(getClass().getSimpleName() + " " + report);
  }

  private boolean exported(String text) {
    return capture.bodies().stream().anyMatch(body -> new String(body, StandardCharsets.ISO_8859_1).contains(text));
  }
}
