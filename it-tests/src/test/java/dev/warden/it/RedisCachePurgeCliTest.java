package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.RedisServer;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code java -jar warden-agent.jar cache purge} against the real Redis two openai-java replicas share
 * as their cache store, each with its own key scope: purging one scope's partition, under a keyring
 * rotated since its entries were written, removes exactly its entries; that scope's next call
 * reaches the provider while the other scope's still hits. Wrong arguments and an unreachable Redis
 * exit with the documented codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisCachePurgeCliTest {

  private static final String CHAT = "chat " + FaultRun.MODEL + " Where is my parcel?";
  private static final String ECHO = "echo: Where is my parcel?";

  private FaultRun run;
  private RedisServer redis;
  private ForkedJvm held;
  private ForkedJvm virtual;
  private Path keyring;
  private String oldKey;

  @RegisterExtension
  final TranscriptOnFailure heldTranscript = new TranscriptOnFailure(() -> held);

  @RegisterExtension
  final TranscriptOnFailure virtualTranscript = new TranscriptOnFailure(() -> virtual);

  @BeforeAll
  void start() throws IOException {
    run = FaultRun.start();
    redis = RedisServer.start();
    oldKey = FaultRun.newCacheKey();
    keyring = run.secret("cache.keys", oldKey);
    PolicyFile policy = run.writePolicy("policy.yaml", run.policy("""
        cache:
          enabled: true
          keyring: file:%s
          store: redis://127.0.0.1:%d
          when: always
        """.formatted(keyring, redis.port())));
    held = run.app("held", policy, FaultRun.Key.HELD, List.of());
    virtual = run.app("virtual", policy, FaultRun.Key.VIRTUAL, List.of());
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
    redis.close();
  }

  @Test
  void purgingOneScopeMakesItsNextCallAMissWhileTheOtherScopeStillHits() throws IOException {
    assertThat(held.send(CHAT)).isEqualTo(ECHO);
    assertThat(virtual.send(CHAT)).isEqualTo(ECHO);
    assertThat(redis.keys("warden:cache:*")).as("one entry per scope").hasSize(2);
    assertThat(answeredByProvider(held)).isFalse();
    assertThat(answeredByProvider(virtual)).isFalse();

    // an operator rotates the keyring first: the entries were named under the older key
    run.secret("cache.keys", FaultRun.newCacheKey() + "\n" + oldKey);
    Result purged = purge("--store", "redis://127.0.0.1:" + redis.port(), "--keyring", "file:" + keyring,
        "--key-scope", "held-key");
    assertThat(purged.exit()).as(purged.output()).isZero();
    assertThat(purged.output()).contains("removed 1 entries of 1 partition(s)");
    assertThat(redis.keys("warden:cache:*")).hasSize(1);

    assertThat(answeredByProvider(held)).as("the purged scope's next call is a miss").isTrue();
    assertThat(answeredByProvider(virtual)).as("the other scope still hits").isFalse();
  }

  @Test
  void wrongArgumentsExit64AndAnUnreachableRedisExits1() throws IOException {
    Result noPartition = purge("--store", "redis://127.0.0.1:" + redis.port(), "--keyring", "file:" + keyring);
    assertThat(noPartition.exit()).isEqualTo(64);
    assertThat(noPartition.output()).contains("at least one --key-scope or --principal");
    Result badKeyring = purge("--store", "redis://127.0.0.1:" + redis.port(), "--keyring", "env:WARDEN_NO_SUCH_KEYRING",
        "--key-scope", "held-key");
    assertThat(badKeyring.exit()).isEqualTo(64);
    assertThat(badKeyring.output()).startsWith("--keyring: ");
    Result unreachable = purge("--store", "redis://127.0.0.1:" + closedPort(), "--keyring", "file:" + keyring,
        "--key-scope", "held-key");
    assertThat(unreachable.exit()).as(unreachable.output()).isEqualTo(1);
    assertThat(unreachable.output()).contains("some entries may remain: run it again");
  }

  /** Sends the chat; true when the fake provider answered it, false when the cache did. */
  private boolean answeredByProvider(ForkedJvm app) {
    run.provider.clearRequests();
    assertThat(app.send(CHAT)).isEqualTo(ECHO);
    return !run.provider.requests().isEmpty();
  }

  /** A loopback port nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  record Result(int exit, String output) {}

  private Result purge(String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("-jar", ItSettings.agentJar().toString(), "cache", "purge"));
    args.addAll(List.of(options));
    try (ForkedJvm cli = ForkedJvm.start(ItSettings.currentJavaHome(), null, null, List.of(), args)) {
      int exit = cli.awaitExit(Duration.ofMinutes(1));
      return new Result(exit, cli.stdout() + cli.stderr());
    }
  }
}
