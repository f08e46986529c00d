package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.RedisServer;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
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
 * The cache's fleet tier on a real Redis: two replicas of an openai-java application share their
 * hits, Redis holds only sealed bytes (no plaintext of prompt or completion), and a Redis that
 * stops in the middle of a run loses no call: the calls go to the provider instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisCacheTest {

  private RedisServer redis;
  private FakeLlmServer provider;
  private Path dir;
  private ForkedJvm replicaA;
  private ForkedJvm replicaB;

  @RegisterExtension
  final TranscriptOnFailure transcriptA = new TranscriptOnFailure(() -> replicaA);

  @RegisterExtension
  final TranscriptOnFailure transcriptB = new TranscriptOnFailure(() -> replicaB);

  @BeforeAll
  void start() throws IOException {
    redis = RedisServer.start();
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(dir.resolve("cache.keys"), Base64.getEncoder().encodeToString(key));
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()) + """
        cache:
          enabled: true
          keyring: file:%s
          store: redis://127.0.0.1:%d
          when: always
        """.formatted(dir.resolve("cache.keys"), redis.port()));
    replicaA = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    replicaB = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    replicaA.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    replicaB.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    replicaA.close();
    replicaB.close();
    provider.close();
    redis.close();
    Files.deleteIfExists(dir.resolve("policy.yaml"));
    Files.deleteIfExists(dir.resolve("cache.keys"));
    Files.deleteIfExists(dir);
  }

  @Test
  @Order(1)
  void replicasShareHitsThroughRedis() {
    String prompt = "chat gpt-4o-mini What is the capital of Portugal?";
    assertThat(replicaA.send(prompt)).isEqualTo("echo: What is the capital of Portugal?");
    assertThat(replicaB.send(prompt)).isEqualTo("echo: What is the capital of Portugal?");
    assertThat(replicaA.send(prompt)).isEqualTo("echo: What is the capital of Portugal?");
    assertThat(provider.requests()).as("only the first call reached the provider").hasSize(1);
  }

  @Test
  @Order(2)
  void redisHoldsOnlySealedBytes() throws IOException {
    List<String> keys = redis.keys("warden:cache:*");
    assertThat(keys).isNotEmpty();
    for (String key : keys) {
      String raw = new String(redis.get(key), StandardCharsets.ISO_8859_1);
      assertThat(raw).doesNotContain("Portugal").doesNotContain("echo").doesNotContain("choices")
          .doesNotContain("gpt-4o-mini");
      assertThat(key).doesNotContain("Portugal");
    }
  }

  @Test
  @Order(3)
  void aRedisThatStopsLosesNoCall() {
    redis.stop();
    provider.clearRequests();
    assertThat(replicaA.send("chat gpt-4o-mini Is Redis still there?")).isEqualTo("echo: Is Redis still there?");
    assertThat(replicaB.send("chat gpt-4o-mini What is the capital of Portugal?"))
        .as("a former hit is now a miss, answered by the provider").isEqualTo("echo: What is the capital of Portugal?");
    assertThat(replicaA.send("chat gpt-4o-mini Is Redis still there?")).isEqualTo("echo: Is Redis still there?");
    assertThat(provider.requests()).hasSize(3);
  }
}
