package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code cache.purge} in a running openai-java application with the memory store, partitioned by
 * principal (two Spring Security users): saving the policy with a purge of one partition makes that
 * caller's next call reach the provider while the other's still hits; saving again for another
 * reason with the same purge id purges nothing, a new id purges again; each purge is one
 * {@code cache_purged} audit record and a {@code [warden]} line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachePurgeOnReloadTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PURGED = Pattern.compile("^\\[warden] cache purge '([^']+)': (\\d+) entries of (\\d+) partition");
  private static final String ALICE = "as alice - chat gpt-4o-mini What is our refund policy?";
  private static final String BOB = "as bob - chat gpt-4o-mini What is our refund policy?";
  private static final String ECHO = "echo: What is our refund policy?";

  private FakeLlmServer provider;
  private PolicyFile policy;
  private ForkedJvm app;
  private Path dir;

  @RegisterExtension
  final TranscriptOnFailure transcriptOnFailure = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    Files.writeString(dir.resolve("cache.keys"), FaultRun.newCacheKey());
    policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(policy(""));
    app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    for (String name : List.of("policy.yaml", "cache.keys", "audit.jsonl")) {
      Files.deleteIfExists(dir.resolve(name));
    }
    Files.deleteIfExists(dir);
  }

  @Test
  void aPurgedPartitionMissesOnItsNextCallWhileTheOtherStillHitsAndAnIdPurgesOnce() throws IOException {
    assertThat(app.send(ALICE)).isEqualTo(ECHO);
    assertThat(app.send(BOB)).isEqualTo(ECHO);
    assertThat(answeredByProvider(ALICE)).as("alice's entry is warm").isFalse();
    assertThat(answeredByProvider(BOB)).as("bob's entry is warm").isFalse();

    assertThat(reloadAndAwaitPurge(policy("""
          purge:
            id: INC-1
            partitions: [principal:alice]
        """))).as("entries removed").isEqualTo(1);
    assertThat(answeredByProvider(ALICE)).as("alice's next call after the save is a miss").isTrue();
    assertThat(answeredByProvider(BOB)).as("bob's entry is untouched").isFalse();
    assertThat(answeredByProvider(ALICE)).as("the miss filled alice's entry again").isFalse();

    reload(policy("""
          purge:
            id: INC-1
            partitions: [principal:alice]
        # saved again for another reason
        """));
    assertThat(answeredByProvider(ALICE)).as("the same purge id does not purge again").isFalse();

    assertThat(reloadAndAwaitPurge(policy("""
          purge:
            id: INC-2
            partitions: [principal:alice, principal:bob]
        """))).isEqualTo(2);
    assertThat(answeredByProvider(ALICE)).isTrue();
    assertThat(answeredByProvider(BOB)).isTrue();

    List<JsonNode> purges = purgeRecords();
    assertThat(purges).hasSize(2);
    assertThat(purges.get(0).get("id").asText()).isEqualTo("INC-1");
    assertThat(purges.get(0).get("partitions").toString()).isEqualTo("[\"principal:alice\"]");
    assertThat(purges.get(0).get("removed").asLong()).isEqualTo(1);
    assertThat(purges.get(1).get("removed").asLong()).isEqualTo(2);
  }

  private String policy(String purge) {
    return """
        version: 1
        providers:
          - {name: openai, format: openai, baseUrl: "http://127.0.0.1:%d/v1"}
        keys:
          scopes:
            - {id: support-bot, fingerprint: "%s"}
        identity:
          sources: [spring-security]
        cache:
          enabled: true
          keyring: file:%s
          partition: principal
          when: always
        %s
        audit:
          sink: file:%s
        """.formatted(provider.port(), TestPolicy.fingerprint(TestPolicy.OPENAI_KEY), dir.resolve("cache.keys"),
        purge.stripTrailing(), dir.resolve("audit.jsonl"));
  }

  /** Sends {@code command}; true when the fake provider answered it, false when the cache did. */
  private boolean answeredByProvider(String command) {
    provider.clearRequests();
    assertThat(app.send(command)).isEqualTo(ECHO);
    return !provider.requests().isEmpty();
  }

  private void reload(String yaml) {
    int mark = app.stderrMark();
    policy.write(yaml);
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
  }

  /** Saves the policy and returns how many entries its purge removed, as the [warden] line says. */
  private long reloadAndAwaitPurge(String yaml) {
    int mark = app.stderrMark();
    policy.write(yaml);
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
    return Long.parseLong(app.awaitStderr(PURGED, mark, SdkScenarioTest.RELOAD_TIMEOUT).group(2));
  }

  private List<JsonNode> purgeRecords() throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
      JsonNode record = JSON.readTree(line);
      if ("cache_purged".equals(record.path("event").asText())) {
        records.add(record);
      }
    }
    return records;
  }
}
