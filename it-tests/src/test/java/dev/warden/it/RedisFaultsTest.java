package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.LeakHunt;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.RedisServer;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.time.Duration;
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
 * The cache's Redis tier failing under a running application (RedisCacheTest covers a clean
 * stop): a frozen Redis (SIGSTOP: connections accepted, nothing answered) and a killed one
 * (SIGKILL) each turn cacheable calls into misses answered by the provider, every call within
 * {@link FaultRun#CALL_BOUND}; a restarted Redis is used again after the back-off, and hits come
 * back. Redis keys and values are hunted for the planted values while Redis holds entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisFaultsTest {

  private static final String CACHED = "chat " + FaultRun.MODEL + " Which rivers cross Lyon?";
  private static final String CACHED_ECHO = "echo: Which rivers cross Lyon?";

  private FaultRun run;
  private RedisServer redis;
  private ForkedJvm app;
  private LeakHunt hunt;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    run = FaultRun.start();
    redis = RedisServer.start();
    String cacheKey = FaultRun.newCacheKey();
    hunt = run.hunt().plant("cache key", cacheKey);
    PolicyFile policy = run.writePolicy("policy.yaml", run.policy("""
        cache:
          enabled: true
          keyring: file:%s
          store: redis://127.0.0.1:%d
          when: always
        """.formatted(run.secret("cache.keys", cacheKey), redis.port())));
    app = run.app("app", policy, FaultRun.Key.VIRTUAL, List.of());
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
    redis.close();
  }

  private String call(String command) {
    return app.send(command, FaultRun.CALL_BOUND);
  }

  @Test
  @Order(1)
  void withRedisUpTheSecondCallIsAHit() {
    assertThat(call(run.plantedChat())).isEqualTo(run.redactedEcho());
    assertThat(call(run.plantedChat())).isEqualTo(run.redactedEcho());
    assertThat(call(CACHED)).isEqualTo(CACHED_ECHO);
    assertThat(call(CACHED)).isEqualTo(CACHED_ECHO);
    assertThat(run.provider.requests()).hasSize(2);
    hunt.redis("redis values while up", redis);
  }

  @Test
  @Order(2)
  void aFrozenRedisMakesMissesNotHangs() throws IOException {
    redis.pause();
    try {
      run.provider.clearRequests();
      for (int i = 0; i < 3; i++) {
        assertThat(call(CACHED)).isEqualTo(CACHED_ECHO);
        assertThat(call(run.plantedChat())).isEqualTo(run.redactedEcho());
      }
      assertThat(run.provider.requests()).as("every call a miss, answered by the provider").hasSize(6);
    } finally {
      redis.resume();
    }
  }

  @Test
  @Order(3)
  void aKilledRedisLosesNoCall() {
    redis.kill();
    run.provider.clearRequests();
    for (int i = 0; i < 3; i++) {
      assertThat(call(CACHED)).isEqualTo(CACHED_ECHO);
    }
    assertThat(run.provider.requests()).hasSize(3);
  }

  @Test
  @Order(4)
  void aRestartedRedisIsUsedAgainAfterTheBackOff() throws IOException, InterruptedException {
    redis.restart();
    // the store rests 5 s after a failure; then the first call fills the entry and the next hits
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    boolean hit = false;
    while (!hit && System.nanoTime() < deadline) {
      run.provider.clearRequests();
      assertThat(call(CACHED)).isEqualTo(CACHED_ECHO);
      hit = run.provider.requests().isEmpty();
      Thread.sleep(hit ? 0 : 500);
    }
    assertThat(hit).as("a hit from the restarted Redis").isTrue();
    assertThat(redis.keys("warden:cache:*")).isNotEmpty();
    hunt.redis("redis values after the restart", redis);
  }

  @Test
  @Order(5)
  void nothingPlantedLeaked() {
    System.out.println(getClass().getSimpleName() + " " + run.huntLeaks(hunt));
  }
}
