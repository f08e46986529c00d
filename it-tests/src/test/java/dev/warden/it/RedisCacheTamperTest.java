package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.RedisServer;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sealed cache entries tampered with in Redis, where anyone with access to Redis could: a byte
 * flipped at each position of the entry's header (version, key id), the nonce and the tag, and at a
 * stride through the ciphertext; the value cut, extended, emptied, or replaced by another entry's valid value. Each
 * tampered entry is a miss answered by the provider, never served, and one
 * {@code cache_entry_rejected} audit record; the policy's memory store is covered bit by bit in
 * {@code CacheTamperTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisCacheTamperTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VICTIM = "chat " + FaultRun.MODEL + " What is the capital of Australia?";
  private static final String VICTIM_ECHO = "echo: What is the capital of Australia?";
  private static final String OTHER = "chat " + FaultRun.MODEL + " Say something else entirely.";
  /** The header (version and key id: 5) and the nonce (12), byte by byte; the rest by stride, the tag (16) byte by byte. */
  private static final int HEAD = 5 + 12;
  private static final int TAG = 16;
  private static final int STRIDE = 7;

  private FaultRun run;
  private RedisServer redis;
  private ForkedJvm app;
  private Path audit;
  private String cacheKey;
  private String victimKey;
  private byte[] victimValue;
  private byte[] otherValue;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    run = FaultRun.start();
    redis = RedisServer.start();
    audit = run.dir.resolve("audit.jsonl");
    cacheKey = FaultRun.newCacheKey();
    PolicyFile policy = run.writePolicy("policy.yaml", run.policy("""
        cache:
          enabled: true
          keyring: file:%s
          store: redis://127.0.0.1:%d
          when: always
        audit:
          sink: file:%s
        """.formatted(run.secret("cache.keys", cacheKey), redis.port(), audit)));
    app = run.app("app", policy, FaultRun.Key.HELD, List.of());
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
    redis.close();
  }

  @Test
  @Order(1)
  void twoEntriesAreStoredAndHit() throws IOException {
    assertThat(app.send(VICTIM)).isEqualTo(VICTIM_ECHO);
    victimKey = onlyKey();
    victimValue = redis.get(victimKey);
    assertThat(app.send(OTHER)).isEqualTo("echo: Say something else entirely.");
    List<String> keys = redis.keys("warden:cache:*");
    assertThat(keys).hasSize(2);
    otherValue = redis.get(keys.get(0).equals(victimKey) ? keys.get(1) : keys.get(0));
    assertThat(app.send(VICTIM)).isEqualTo(VICTIM_ECHO);
    assertThat(run.provider.requests()).as("the third call was a hit").hasSize(2);
    assertThat(victimValue.length).isGreaterThan(HEAD + TAG + 100);
  }

  @Test
  @Order(2)
  void everyTamperedEntryIsAMissNeverServed() throws IOException {
    Map<String, byte[]> cases = tamperings();
    long rejectedBefore = rejectedRecords();
    for (Map.Entry<String, byte[]> tampered : cases.entrySet()) {
      redis.set(victimKey, tampered.getValue());
      run.provider.clearRequests();
      assertThat(app.send(VICTIM, FaultRun.CALL_BOUND)).as(tampered.getKey()).isEqualTo(VICTIM_ECHO);
      assertThat(run.provider.requests()).as(tampered.getKey() + ": answered by the provider").hasSize(1);
    }
    assertThat(rejectedRecords() - rejectedBefore).as("one cache_entry_rejected record per tampered entry")
        .isEqualTo(cases.size());
    System.out.println(getClass().getSimpleName() + ": " + cases.size() + " tampered entries of "
        + victimValue.length + " bytes, all rejected");
    redis.set(victimKey, victimValue);
    run.provider.clearRequests();
    assertThat(app.send(VICTIM)).isEqualTo(VICTIM_ECHO);
    assertThat(run.provider.requests()).as("the untampered entry is still a hit").isEmpty();
  }

  @Test
  @Order(3)
  void nothingPlantedLeaked() {
    System.out.println(getClass().getSimpleName() + " " + run.huntLeaks(run.hunt().plant("cache key", cacheKey)
        .redis("redis values", redis)));
  }

  private Map<String, byte[]> tamperings() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    int length = victimValue.length;
    for (int position = 0; position < length; position++) {
      if (position < HEAD || position >= length - TAG || position % STRIDE == 0) {
        byte[] flipped = victimValue.clone();
        flipped[position] ^= 0x01;
        cases.put("byte " + position + " flipped", flipped);
      }
    }
    cases.put("emptied", new byte[0]);
    cases.put("cut to the header", Arrays.copyOf(victimValue, HEAD));
    cases.put("cut by one byte", Arrays.copyOf(victimValue, length - 1));
    cases.put("one byte added", Arrays.copyOf(victimValue, length + 1));
    cases.put("another entry's valid value", otherValue);
    return cases;
  }

  private String onlyKey() throws IOException {
    List<String> keys = redis.keys("warden:cache:*");
    assertThat(keys).hasSize(1);
    return keys.get(0);
  }

  private long rejectedRecords() throws IOException {
    long count = 0;
    for (String line : Files.readAllLines(audit)) {
      if ("cache_entry_rejected".equals(JSON.readTree(line).path("event").asText())) {
        count++;
      }
    }
    return count;
  }
}
