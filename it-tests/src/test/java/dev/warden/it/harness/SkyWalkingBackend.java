package dev.warden.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An Apache SkyWalking OAP 10.1.0 server that a test starts as its own JVM on loopback: a real OTLP
 * backend. Telemetry goes in over OTLP gRPC at {@link #otlpEndpoint()}; spans come back out through
 * its Zipkin API, log records through LogQL and metrics through PromQL.
 *
 * <p>Start one per test class ({@code @BeforeAll}, closed in {@code @AfterAll}): it is ready in about
 * 5 s and keeps everything in an in-memory database, so classes never see each other's data. Every
 * port is a free one picked at start, so the servers of parallel builds, or one a killed run left
 * behind, cannot collide. The configuration is the it-tests' {@code skywalking-config/} resource; a
 * metric is kept only when a rule in its {@code otel-rules/} names it.
 *
 * <p>The server's output goes to a file under {@link ItSettings#skyWalkingLogs()}, and every failure
 * message ends with its tail. The query methods poll until the answer holds what they look for and
 * throw an {@link AssertionError} with the last answer when it does not come within 90 s. Instances
 * are safe to query from several threads. A shutdown hook kills whatever server a test left running.
 */
public final class SkyWalkingBackend implements AutoCloseable {

  /** Long enough for metrics, which SkyWalking keeps in one-minute buckets and shows after 10-40 s. */
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final String MAIN = "org.apache.skywalking.oap.server.starter.OAPServerStartUp";
  private static final String GRPC = "SW_CORE_GRPC_PORT";
  private static final String ZIPKIN = "SW_QUERY_ZIPKIN_REST_PORT";
  private static final String PROMQL = "SW_PROMQL_REST_PORT";
  private static final String LOGQL = "SW_LOGQL_REST_PORT";
  /** The port placeholders of skywalking-config/application.yml; the server reads them as system properties. */
  private static final List<String> PORTS =
      List.of(GRPC, "SW_CORE_REST_PORT", "SW_RECEIVER_ZIPKIN_REST_PORT", ZIPKIN, PROMQL, LOGQL);
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(SkyWalkingBackend::kill)));
  }

  private final Process process;
  private final Map<String, Integer> ports;
  private final Path log;
  private final Instant started = Instant.now();
  private final JsonGetter http = new JsonGetter();

  private SkyWalkingBackend(Process process, Map<String, Integer> ports, Path log) {
    this.process = process;
    this.ports = ports;
    this.log = log;
  }

  /**
   * Starts a server with {@link ItSettings#skyWalkingLib()} and {@link ItSettings#skyWalkingConfig()}
   * on the JDK running the tests and returns once its Zipkin and LogQL APIs answer. Fails with the
   * server's output when it exits or is not ready within 90 s, and then leaves nothing running.
   */
  public static SkyWalkingBackend start() throws IOException {
    Map<String, Integer> ports = freePorts();
    Path logs = Files.createDirectories(ItSettings.skyWalkingLogs());
    Path log = logs.resolve("oap-" + ports.get(GRPC) + ".log");
    List<String> command = new ArrayList<>(List.of(
        ItSettings.currentJavaHome().resolve("bin").resolve("java").toString(),
        // C1 only: the server lives for one test class, and the machine has two cores
        "-Xms256m", "-Xmx1g", "-XX:TieredStopAtLevel=1"));
    ports.forEach((name, port) -> command.add("-D" + name + "=" + port));
    command.addAll(List.of("-cp",
        ItSettings.skyWalkingConfig() + File.pathSeparator + ItSettings.skyWalkingLib().resolve("*"), MAIN));
    Process process = new ProcessBuilder(command)
        .directory(logs.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    LIVE.add(process);
    SkyWalkingBackend backend = new SkyWalkingBackend(process, ports, log);
    try {
      backend.awaitReady();
    } catch (RuntimeException | Error e) {
      backend.close();
      throw e;
    }
    return backend;
  }

  /** Where OTLP gRPC exporters send to, e.g. {@code http://127.0.0.1:41234}. */
  public String otlpEndpoint() {
    return "http://127.0.0.1:" + ports.get(GRPC);
  }

  /**
   * The traces (each an array of Zipkin v2 spans) of {@code serviceName} that match
   * {@code annotationQuery}, e.g. {@code warden.decision=block}, or several such terms joined by
   * {@code " and "}. Only tag keys listed in {@code receiver-zipkin.searchableTracesTags} can be
   * searched. Waits for at least one. Every tag value comes back as a string ({@code "42"},
   * {@code "true"}, an array as {@code "a,b"}), and a span's service name in lower case.
   */
  public List<JsonNode> zipkinTraces(String serviceName, String annotationQuery) {
    URI uri = uri(ZIPKIN, "/zipkin/api/v2/traces",
        "serviceName", serviceName, "annotationQuery", annotationQuery, "limit", "100");
    List<JsonNode> traces = new ArrayList<>();
    await(uri, answer -> answer.size() > 0, "no trace of " + serviceName + " with " + annotationQuery)
        .forEach(traces::add);
    return traces;
  }

  /** The Zipkin v2 spans of one trace, by its 32 hex digit id; waits until it is stored. */
  public JsonNode zipkinTrace(String traceId) {
    return await(uri(ZIPKIN, "/zipkin/api/v2/trace/" + traceId), answer -> answer.size() > 0,
        "no trace " + traceId);
  }

  /**
   * The lines of {@code serviceName}'s log records that contain {@code contains}, newest first, from
   * the server's start on. Waits for at least one. An OTLP record's line is its body alone: LogQL
   * returns neither its attributes nor its trace id.
   */
  public List<String> lokiLines(String serviceName, String contains) {
    String query = "{service=\"" + logQlString(serviceName) + "\"} |= \"" + logQlString(contains) + "\"";
    URI uri = uri(LOGQL, "/loki/api/v1/query_range", "query", query,
        "start", Long.toString(epochNanos(started.minusSeconds(60))),
        // the window must also hold records emitted while this polls
        "end", Long.toString(epochNanos(Instant.now().plus(QUERY_TIMEOUT).plusSeconds(60))),
        "limit", "1000", "direction", "backward");
    List<String> lines = new ArrayList<>();
    await(uri, answer -> answer.path("data").path("result").size() > 0, "no log line for " + query)
        .path("data").path("result")
        .forEach(stream -> stream.path("values").forEach(value -> lines.add(value.path(1).asText())));
    return lines;
  }

  /**
   * The value of the one series that the PromQL instant query selects, e.g.
   * {@code meter_warden_decisions{service="S",layer="GENERAL",decision="block",rule="r"}}. Waits
   * until a series appears; fails when several do, since the query would then be ambiguous.
   */
  public double promValue(String query) {
    JsonNode series = await(uri(PROMQL, "/api/v1/query", "query", query),
        answer -> answer.path("data").path("result").size() > 0, "no series for " + query)
        .path("data").path("result");
    if (series.size() > 1) {
      throw failure("more than one series for " + query + ": " + series);
    }
    return Double.parseDouble(series.path(0).path("value").path(1).asText());
  }

  /** Stops the server and whatever it started; waits up to 10 s for a clean shutdown, then kills it. */
  @Override
  public void close() {
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill(process);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(process);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    URI services = uri(ZIPKIN, "/zipkin/api/v2/services");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failure("SkyWalking OAP exited with " + process.exitValue() + " before it was ready"
            + " (a port taken between picking and binding shows as an address-in-use error)");
      }
      long now = epochNanos(Instant.now());
      URI labels = uri(LOGQL, "/loki/api/v1/labels", "start", Long.toString(now - 60_000_000_000L),
          "end", Long.toString(now));
      if (http.get(services).ok() && http.get(labels).ok()) {
        return;
      }
      pause();
    }
    throw failure("SkyWalking OAP was not ready within " + START_TIMEOUT.toSeconds() + " s");
  }

  private JsonNode await(URI uri, Predicate<JsonNode> holds, String what) {
    long deadline = System.nanoTime() + QUERY_TIMEOUT.toNanos();
    JsonGetter.Answer last;
    do {
      last = http.get(uri);
      if (last.ok() && holds.test(last.json())) {
        return last.json();
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw failure(what + " within " + QUERY_TIMEOUT.toSeconds() + " s\n--- last answer to GET " + uri + "\n" + last);
  }

  private URI uri(String port, String path, String... parameters) {
    StringBuilder uri = new StringBuilder("http://127.0.0.1:").append(ports.get(port)).append(path);
    for (int i = 0; i < parameters.length; i += 2) {
      uri.append(i == 0 ? '?' : '&').append(parameters[i]).append('=')
          .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return URI.create(uri.toString());
  }

  /** An AssertionError whose message ends with the tail of the server's output. */
  private AssertionError failure(String message) {
    String tail;
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      tail = "(unreadable: " + e + ")";
    }
    return new AssertionError(message + "\n--- SkyWalking OAP output, last lines of " + log + "\n" + tail + "\n---");
  }

  private static Map<String, Integer> freePorts() throws IOException {
    // all sockets stay open until every port is picked, so the ports differ from each other
    Map<String, Integer> ports = new LinkedHashMap<>();
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (String name : PORTS) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports.put(name, socket.getLocalPort());
      }
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    return ports;
  }

  private static String logQlString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static long epochNanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for SkyWalking OAP", e);
    }
  }
}
