package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.ReloadLoadDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.LeakHunt;
import dev.warden.it.harness.PlantedSecrets;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TempDirs;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import dev.warden.it.harness.VerifyAuditCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10's load with reloads: 64 threads sharing one openai-java client make 10,000 calls each
 * through Warden while the policy file is rewritten 100 times, alternating two policies that allow
 * opposite models. Every call must be allowed (its own prompt echoed, the e-mail redacted) or
 * refused with {@code model_not_allowed}, nothing else; every audit record must carry the decision
 * its own policy hash implies (a call decided half by one snapshot and half by the other would
 * not); the chain must verify; after the calls the JVM has no more threads and no more live heap
 * than after the warm-up, beyond small bounds; and the planted key and e-mail address appear in no
 * output or file of the run.
 */
class LoadWithReloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 64;
  /** Lower it for a quick local run: {@code -Dit.load.calls=500}. */
  private static final int CALLS = Integer.getInteger("it.load.calls", 10_000);
  private static final int WARMUP = 100;
  private static final int REWRITES = 100;
  /** Progress marks the driver prints; the policy is rewritten at the first 100, so all within the run. */
  private static final int MARKS = 110;
  private static final String MINI = "gpt-4o-mini";
  private static final String LARGE = "gpt-4.1";
  private static final Pattern WARM = Pattern.compile("^LOAD warm rate=(\\d+) unexpected=(\\d+)");
  private static final Pattern DONE = Pattern.compile("^LOAD done allowed=(\\d+) blocked=(\\d+) unexpected=(\\d+)"
      + " seconds=([0-9.]+) threadsBefore=(\\d+) threadsAfter=(\\d+) heapBefore=(\\d+) heapAfter=(\\d+)");
  /** OkHttp's task runner threads come and go with idle connections. */
  private static final int THREAD_SLACK = 4;
  /** Metrics, the audit writer's buffers, JIT-made objects: bounded, not per call. */
  private static final long HEAP_SLACK = 16L << 20;

  private FakeLlmServer provider;
  private Path dir;
  private ForkedJvm app;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @AfterEach
  void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (dir != null) {
      TempDirs.delete(dir);
    }
  }

  @Test
  void everyCallIsDecidedByOneWholePolicyWhileItIsRewrittenAndNothingGrows() throws Exception {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-load-");
    Path audit = dir.resolve("audit.jsonl");
    Path auditKey = Files.writeString(dir.resolve("audit.key"), "it-load-audit-key-71c2\n");
    PlantedSecrets planted = new PlantedSecrets();
    String allowsMini = policy(MINI, audit, auditKey, planted.apiKey());
    String allowsLarge = policy(LARGE, audit, auditKey, planted.apiKey());
    Map<String, String> allowedModelByHash = Map.of(
        TestPolicy.fingerprint(allowsMini), MINI, TestPolicy.fingerprint(allowsLarge), LARGE);
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(allowsMini);

    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        // C2 for the long run; the harness's C1-only default suits short-lived JVMs
        List.of("-XX:TieredStopAtLevel=4", "-Xmx1g"), ReloadLoadDriver.class, provider.openAiBaseUrl(),
        planted.apiKey(), String.valueOf(THREADS), String.valueOf(CALLS), String.valueOf(WARMUP), MINI + "," + LARGE,
        String.valueOf(MARKS), planted.email());
    Matcher warm = app.awaitStderr(WARM, 0, Duration.ofMinutes(2));
    assertThat(Long.parseLong(warm.group(2))).as("unexpected answers in the warm-up").isZero();

    for (int i = 1; i <= REWRITES; i++) {
      // from the first line: a short run prints its first marks before the warm-up's line is read
      app.awaitStderr(Pattern.compile("^LOAD progress " + i + "$"), 0, Duration.ofMinutes(2));
      int reload = app.stderrMark();
      policy.replaceAtomically(i % 2 == 1 ? allowsLarge : allowsMini);
      // one reload per rewrite: two saves within the watcher's settling time would be read as one
      app.awaitStderr(SdkScenarioTest.RELOADED, reload, SdkScenarioTest.RELOAD_TIMEOUT);
      provider.clearRequests(); // the fake keeps every request it saw; this run would fill the test JVM
    }
    Matcher done = app.awaitStderr(DONE, 0, Duration.ofMinutes(20));
    provider.clearRequests();

    long allowed = Long.parseLong(done.group(1));
    long blocked = Long.parseLong(done.group(2));
    assertThat(Long.parseLong(done.group(3))).as("unexpected answers").isZero();
    assertThat(allowed + blocked).isEqualTo((long) THREADS * CALLS);
    assertThat(allowed).as("calls allowed").isPositive();
    assertThat(blocked).as("calls refused").isPositive();
    assertThat(Long.parseLong(done.group(6))).as("live threads after the run")
        .isLessThanOrEqualTo(Long.parseLong(done.group(5)) + THREAD_SLACK);
    assertThat(Long.parseLong(done.group(8))).as("live heap after the run (bytes)")
        .isLessThanOrEqualTo(Long.parseLong(done.group(7)) + HEAP_SLACK);

    long checkStart = System.nanoTime();
    List<Path> auditFiles = auditFiles(audit);
    Map<String, Long> outcomes = auditOutcomes(auditFiles, allowedModelByHash);
    long readSeconds = (System.nanoTime() - checkStart) / 1_000_000_000L;
    assertThat(outcomes.get("inconsistent")).as("records whose decision their own policy does not imply").isZero();
    assertThat(outcomes.get("reloads")).as("policy reloads recorded").isEqualTo(REWRITES);
    assertThat(outcomes.get("rejected")).isZero();
    assertThat(outcomes.get("allowed") + outcomes.get("blocked"))
        .isEqualTo((long) THREADS * (CALLS + WARMUP));
    long verifyStart = System.nanoTime();
    VerifyAuditCli.Result verified = VerifyAuditCli.run(auditKey, auditFiles);
    assertThat(verified.exit()).as(verified.output()).isZero();
    assertThat(verified.output()).contains("intact: ");
    long verifySeconds = (System.nanoTime() - verifyStart) / 1_000_000_000L;
    LeakHunt.Report hunted = new LeakHunt(planted).jvm("app", app).tree(dir).assertNone();
    System.out.printf("load with reloads: %d calls in %s s (%d allowed, %d refused), %s policies and %d files in"
            + " the audit (read in %d s, verified in %d s), threads %s -> %s, live heap %d -> %d MB; %s%n",
        allowed + blocked, done.group(4), allowed, blocked, outcomes.get("policies"), auditFiles.size(),
        readSeconds, verifySeconds, done.group(5), done.group(6),
        Long.parseLong(done.group(7)) >> 20, Long.parseLong(done.group(8)) >> 20, hunted);
  }

  /** The test policy with {@code model} allowed and the planted key in place of the usual test key. */
  private String policy(String model, Path audit, Path auditKey, String apiKey) {
    return TestPolicy.yaml(provider.port(), List.of(model), TestPolicy.ANTHROPIC_MODELS)
        .replace(TestPolicy.fingerprint(TestPolicy.OPENAI_KEY), TestPolicy.fingerprint(apiKey)) + """
        audit:
          sink: file:%s
          key: file:%s
        """.formatted(audit, auditKey);
  }

  /** The trail's files oldest first: the rotated {@code audit.jsonl.N} (higher is newer), then the live one. */
  private static List<Path> auditFiles(Path audit) throws IOException {
    String name = audit.getFileName().toString();
    try (var files = Files.list(audit.getParent())) {
      List<Path> all = new ArrayList<>(files.filter(p -> p.getFileName().toString().matches(Pattern.quote(name) + "\\.\\d+"))
          .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(name.length() + 1))))
          .toList());
      all.add(audit);
      return all;
    }
  }

  /**
   * Counts the call records by outcome and checks each against its policy: allowed (PII redacted)
   * exactly when its model is the one that policy allows.
   */
  private static Map<String, Long> auditOutcomes(List<Path> audit, Map<String, String> allowedModelByHash)
      throws IOException {
    Map<String, Long> counts = new TreeMap<>(Map.of("allowed", 0L, "blocked", 0L, "inconsistent", 0L,
        "reloads", 0L, "rejected", 0L, "policies", 0L));
    Map<String, Long> byPolicy = new HashMap<>();
    for (Path file : audit) {
      try (BufferedReader lines = Files.newBufferedReader(file)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          count(JSON.readTree(line), allowedModelByHash, counts, byPolicy);
        }
      }
    }
    counts.put("policies", (long) byPolicy.size());
    return counts;
  }

  private static void count(JsonNode record, Map<String, String> allowedModelByHash, Map<String, Long> counts,
      Map<String, Long> byPolicy) {
    String event = record.path("event").asText("");
    if (!event.isEmpty()) {
      if (event.equals("policy_reloaded") || event.equals("policy_rejected")) {
        counts.merge(event.equals("policy_reloaded") ? "reloads" : "rejected", 1L, Long::sum);
      }
      return;
    }
    String hash = record.path("policy").asText();
    byPolicy.merge(hash, 1L, Long::sum);
    boolean refused = record.path("decision").asText().equals("block");
    counts.merge(refused ? "blocked" : "allowed", 1L, Long::sum);
    String allowedModel = allowedModelByHash.get(hash);
    String model = record.path("model").asText();
    boolean consistent = allowedModel != null && (refused
        ? "model_not_allowed".equals(record.path("code").asText()) && !model.equals(allowedModel)
        : model.equals(allowedModel));
    if (!consistent) {
      counts.merge("inconsistent", 1L, Long::sum);
    }
  }

}
