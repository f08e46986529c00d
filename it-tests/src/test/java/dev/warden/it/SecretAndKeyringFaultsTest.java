package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
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

/**
 * The files a policy reads its secrets from, going wrong under a running application: the virtual
 * key's secret file removed or emptied (calls go on with the last good key, as documented), a
 * reload while it is missing, and the cache keyring removed or made unreadable (a reload is
 * rejected at the exact line, the last good policy keeps deciding, cached entries still open).
 * And an application started while its keyring is missing: the policy is rejected at that line,
 * and the built-in endpoints are blocked with {@code warden_error} without a network call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretAndKeyringFaultsTest {

  private static final Pattern REJECTED = Pattern.compile("^\\[warden] policy rejected: (\\S+):(\\d+):(\\d+): (.*)");
  private static final String CACHED = "chat " + FaultRun.MODEL + " How far is the Moon?";
  private static final String CACHED_ECHO = "echo: How far is the Moon?";

  private FaultRun run;
  private Path keyring;
  private String cacheKey;
  private PolicyFile policy;
  private String yaml;
  private ForkedJvm app;
  private ForkedJvm cold;
  private int calls;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @RegisterExtension
  final TranscriptOnFailure coldTranscript = new TranscriptOnFailure(() -> cold);

  @BeforeAll
  void start() throws IOException {
    run = FaultRun.start();
    cacheKey = FaultRun.newCacheKey();
    keyring = run.secret("cache.keys", cacheKey);
    yaml = run.policy("""
        cache:
          enabled: true
          keyring: file:%s
          when: always
        """.formatted(keyring));
    policy = run.writePolicy("policy.yaml", yaml);
    app = run.app("app", policy, FaultRun.Key.VIRTUAL, List.of());
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
  }

  @BeforeEach
  void forget() {
    run.provider.clearRequests();
  }

  /** A planted call that the cache cannot answer (a fresh prompt each time) reaches the provider with the real key. */
  private void assertSentWithTheRealKey() {
    String tag = "call " + ++calls + ": ";
    assertThat(app.send(run.plantedChat(tag), FaultRun.CALL_BOUND)).isEqualTo(run.redactedEcho(tag));
    assertThat(run.provider.requests()).hasSize(1);
    assertThat(run.provider.requests().get(0).headers().get("authorization"))
        .containsExactly("Bearer " + run.planted.virtualKeySecret());
  }

  /** Rewrites the policy with one more comment line, so a reload reads every file it names again. */
  private Matcher reloadRejected(String because) {
    int mark = app.stderrMark();
    yaml = yaml + "# touched: " + because + "\n";
    policy.write(yaml);
    Matcher rejected = app.awaitStderr(REJECTED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
    assertThat(rejected.group(1)).isEqualTo(policy.path().toString());
    return rejected;
  }

  @Test
  @Order(1)
  void theVirtualKeyIsSwappedAndTheCacheHits() {
    assertSentWithTheRealKey();
    assertThat(app.send(CACHED)).isEqualTo(CACHED_ECHO);
    assertThat(app.send(CACHED)).isEqualTo(CACHED_ECHO);
    assertThat(run.provider.requests()).hasSize(2);
  }

  @Test
  @Order(2)
  void aRemovedOrEmptiedSecretFileKeepsTheLastGoodKey() throws IOException {
    try {
      Files.delete(run.secretFile);
      assertSentWithTheRealKey();
      run.provider.clearRequests();
      Files.writeString(run.secretFile, "");
      assertSentWithTheRealKey();
    } finally {
      Files.writeString(run.secretFile, run.planted.virtualKeySecret());
    }
  }

  @Test
  @Order(3)
  void aReloadWhileTheSecretIsMissingIsRejectedAtItsLine() throws IOException {
    Files.delete(run.secretFile);
    try {
      Matcher rejected = reloadRejected("secret missing");
      assertThat(Integer.parseInt(rejected.group(2))).isEqualTo(TestPolicy.lineOf(yaml, "secret: \"file:"));
      assertThat(rejected.group(4)).contains("keeping sha256:");
      assertSentWithTheRealKey();
    } finally {
      Files.writeString(run.secretFile, run.planted.virtualKeySecret());
    }
  }

  @Test
  @Order(4)
  void aMissingOrUnreadableKeyringIsRejectedAtItsLineAndEntriesStillOpen() throws IOException {
    Files.delete(keyring);
    try {
      assertKeyringRejected();
    } finally {
      Files.deleteIfExists(keyring);
      Files.writeString(keyring, cacheKey);
    }
  }

  private void assertKeyringRejected() throws IOException {
    Matcher missing = reloadRejected("keyring missing");
    assertThat(Integer.parseInt(missing.group(2))).isEqualTo(TestPolicy.lineOf(yaml, "keyring:"));
    assertThat(missing.group(4)).contains("cache.keyring");
    assertThat(app.send(CACHED, FaultRun.CALL_BOUND)).isEqualTo(CACHED_ECHO);

    Files.createDirectory(keyring);
    Matcher unreadable = reloadRejected("keyring unreadable");
    assertThat(Integer.parseInt(unreadable.group(2))).isEqualTo(TestPolicy.lineOf(yaml, "keyring:"));
    assertThat(app.send(CACHED, FaultRun.CALL_BOUND)).isEqualTo(CACHED_ECHO);
    assertThat(run.provider.requests()).as("both were hits of the last good policy's cache").isEmpty();
  }

  @Test
  @Order(5)
  void anApplicationStartedWithoutItsKeyringBlocksTheBuiltInEndpoints() throws IOException {
    String coldYaml = run.policy("""
        cache:
          enabled: true
          keyring: file:%s
        """.formatted(run.secrets.resolve("never-written.keys")));
    PolicyFile coldPolicy = run.writePolicy("cold-policy.yaml", coldYaml);
    cold = run.start("cold", coldPolicy, FaultRun.Key.VIRTUAL, List.of(), OpenAiJavaDriver.class);
    Matcher rejected = cold.awaitStderr(REJECTED, 0, SdkScenarioTest.START_TIMEOUT);
    assertThat(rejected.group(1)).isEqualTo(coldPolicy.path().toString());
    assertThat(Integer.parseInt(rejected.group(2))).isEqualTo(TestPolicy.lineOf(coldYaml, "keyring:"));
    assertThat(rejected.group(4)).contains("keeping none");
    String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + run.planted.prompt() + "\"}]}";
    // no network in the test: a call Warden let through would fail to connect instead
    String answer = cold.send("post https://api.openai.com/v1/chat/completions " + body, FaultRun.CALL_BOUND);
    assertThat(answer).startsWith("HTTP 403 ").contains("\"code\":\"warden_error\"");
  }

  @Test
  @Order(6)
  void nothingPlantedLeaked() {
    System.out.println(getClass().getSimpleName() + " " + run.huntLeaks(run.hunt().plant("cache key", cacheKey)));
  }
}
