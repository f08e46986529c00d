package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.BadPolicyCorpus;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One openai-java JVM under a good policy whose file is then overwritten with each file of the
 * bad-policy corpus in turn, and with a deleted file, a symlink loop, a directory, a 50 MB file and
 * a node bomb: after each, the error is logged at its {@code file:line:col} (or naming the file),
 * a rejected file is an audit record, the good policy stays, and it decides the same two calls
 * exactly as before (one allowed with its e-mail address redacted, one blocked). The policy's
 * real key never shows in any output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadPolicyHotReloadTest {

  private static final String SECRET = "sk-proj-BadPolIt7c41d0e9a2b8f6357a1c4e2d9b0f8a6c";
  private static final String ALLOWED = "chat gpt-4o-mini Write to jane.doe@example.com today";
  private static final String BLOCKED = "chat gpt-4o Write to jane.doe@example.com today";
  private static final Duration AUDIT_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeLlmServer provider;
  private ForkedJvm app;
  private Path dir;
  private Path audit;
  private PolicyFile policy;
  private String goodHash;
  private String allowedAnswer;
  private String blockedAnswer;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-badpol-");
    audit = dir.resolve("audit.jsonl");
    Path secret = Files.writeString(dir.resolve("openai.key"), SECRET + "\n");
    policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(good(secret, "[\"gpt-4o-mini\"]"));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    goodHash = app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT).group(2);
    allowedAnswer = app.send(ALLOWED);
    blockedAnswer = app.send(BLOCKED);
    assertThat(allowedAnswer).isEqualTo("echo: Write to [EMAIL] today");
    assertThat(ErrorAnswer.parse(blockedAnswer).code()).isEqualTo("model_not_allowed");
  }

  @AfterAll
  void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    provider.close();
  }

  @Test
  @Order(1)
  void eachCorpusFileIsRejectedAtItsPlaceAuditedAndChangesNoDecision() {
    List<BadPolicyCorpus.Case> corpus = BadPolicyCorpus.all();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    for (BadPolicyCorpus.Case broken : corpus) {
      String error = policy.path() + ":" + broken.error();
      long audited = rejections(error);
      int mark = app.stderrMark();
      BadPolicyCorpus.replace(policy.path(), bytes(broken.file()));
      awaitLine("[warden] policy rejected: " + error + "; keeping " + goodHash, mark);
      awaitAudited(error, audited + 1);
      assertDecidedAsBefore(broken.toString());
    }
  }

  @Test
  @Order(2)
  void filesThatCannotBeReadOrAreTooLargeAreRejectedAsAWhole() throws IOException {
    Path file = policy.path();
    int mark = app.stderrMark();
    Files.delete(file);
    awaitLine("[warden] policy file " + file + " cannot be read (NoSuchFileException); keeping " + goodHash, mark);
    awaitAudited(file + ":1:1: cannot read the file (NoSuchFileException)", 1);
    assertDecidedAsBefore("deleted");

    mark = app.stderrMark();
    Files.createSymbolicLink(file, file.getFileName());
    awaitLine("[warden] policy file " + file + " cannot be read (FileSystemException: Too many levels of symbolic links", mark);
    awaitAudited(file + ":1:1: cannot read the file (FileSystemException: Too many levels of symbolic links", 1);
    assertDecidedAsBefore("symlink loop");

    mark = app.stderrMark();
    Files.delete(file);
    Files.createDirectory(file);
    awaitLine("[warden] policy file " + file + " cannot be read (IOException: Is a directory); keeping " + goodHash, mark);
    awaitAudited(file + ":1:1: cannot read the file (IOException: Is a directory)", 1);
    assertDecidedAsBefore("directory");
    Files.delete(file);

    String tooLarge = file + ":1:1: policy file is larger than 1 MiB";
    long audited = rejections(tooLarge);
    mark = app.stderrMark();
    BadPolicyCorpus.replace(file, ("version: 1\n" + "#".repeat(50_000_000) + "\n").getBytes(StandardCharsets.US_ASCII));
    awaitLine("[warden] policy rejected: " + tooLarge + "; keeping " + goodHash, mark);
    awaitAudited(tooLarge, audited + 1);
    assertDecidedAsBefore("50 MB");

    // root, version, 1, x, the list: items from the 6th node on, 3 columns apart from column 5
    String bomb = file + ":2:" + (5 + 3 * (100_001 - 6)) + ": policy file has more than 100000 YAML nodes";
    audited = rejections(bomb);
    mark = app.stderrMark();
    BadPolicyCorpus.replace(file, ("version: 1\nx: [" + "1, ".repeat(100_000) + "1]\n").getBytes(StandardCharsets.US_ASCII));
    awaitLine("[warden] policy rejected: " + bomb + "; keeping " + goodHash, mark);
    awaitAudited(bomb, audited + 1);
    assertDecidedAsBefore("node bomb");
  }

  @Test
  @Order(3)
  void aGoodFileIsStillTakenAfterwardsAndNoOutputEverHeldTheKey() throws IOException {
    int mark = app.stderrMark();
    policy.write(good(dir.resolve("openai.key"), "[\"gpt-4o-mini\", \"gpt-4o\"]"));
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
    assertThat(app.send(BLOCKED)).isEqualTo("echo: Write to [EMAIL] today");

    assertThat(app.stdout()).doesNotContain(SECRET);
    assertThat(app.stderr()).doesNotContain(SECRET);
    assertThat(Files.readString(audit)).doesNotContain(SECRET).doesNotContain("jane.doe");
  }

  /** The good policy: the test key's scope with {@code models}, a virtual key whose real key is in {@code secret}. */
  private String good(Path secret, String models) {
    return TestPolicy.yaml(provider.port(), List.of("gpt-4o-mini"), TestPolicy.ANTHROPIC_MODELS)
        .replace("models: [\"gpt-4o-mini\"]", "models: " + models)
        .replace("  scopes:\n", """
              scopes:
                - id: virtual
                  virtualKey: wdn_badpol_it_7f3a
                  secret: file:%s
            """.formatted(secret)) + """
        audit:
          sink: file:%s
        """.formatted(audit);
  }

  private void assertDecidedAsBefore(String what) {
    provider.clearRequests();
    assertThat(app.send(ALLOWED)).as("allowed call after " + what).isEqualTo(allowedAnswer);
    assertThat(app.send(BLOCKED)).as("blocked call after " + what).isEqualTo(blockedAnswer);
    assertThat(provider.requests()).as("what reached the provider after " + what).singleElement()
        .satisfies(request -> assertThat(request.body()).doesNotContain("jane.doe@example.com"));
  }

  private void awaitLine(String line, int mark) {
    app.awaitStderr(Pattern.compile("^" + Pattern.quote(line)), mark, SdkScenarioTest.RELOAD_TIMEOUT);
  }

  /**
   * Waits until the audit trail holds {@code count} policy_rejected records, keeping the good
   * policy, whose one error starts with {@code error}.
   */
  private void awaitAudited(String error, long count) {
    long deadline = System.nanoTime() + AUDIT_TIMEOUT.toNanos();
    while (rejections(error) < count) {
      if (System.nanoTime() > deadline) {
        throw app.failure("no policy_rejected audit record for " + error + " kept " + goodHash);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private long rejections(String error) {
    try {
      String written = Files.readString(audit, StandardCharsets.UTF_8);
      // the agent may be writing the last line right now
      return written.substring(0, written.lastIndexOf('\n') + 1).lines()
          .map(BadPolicyHotReloadTest::json)
          .filter(r -> r.path("event").asText().equals("policy_rejected") && r.path("policy").asText().equals(goodHash))
          .filter(r -> r.path("errors").size() == 1 && r.path("errors").get(0).asText().startsWith(error))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
