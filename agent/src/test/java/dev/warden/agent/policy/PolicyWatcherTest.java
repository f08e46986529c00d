package dev.warden.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyWatcherTest {

  private static final String ENFORCE = "version: 1\nmode: enforce\n";
  private static final String MONITOR = "version: 1\nmode: monitor\n";

  @TempDir Path dir;
  private Thread watcher;

  @AfterEach
  void stopWatcher() throws InterruptedException {
    watcher.interrupt();
    watcher.join(5000);
  }

  @Test
  void reloadsWhenTheFileChangesAndKeepsTheLastGoodPolicyOnABrokenEdit() throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, ENFORCE);
    PolicyHolder holder = new PolicyHolder();
    watcher = PolicyWatcher.start(file, new PolicyReloader(file, holder), holder);

    assertThat(holder.current()).isNotNull();
    assertThat(holder.current().snapshot().monitor()).isFalse();

    writeAtomically(file, MONITOR);
    await(() -> holder.peek().snapshot().monitor());
    String good = holder.peek().snapshot().hash();

    writeAtomically(file, "version: 1\nmode: [oops\n");
    writeAtomically(dir.resolve("unrelated.txt"), "x");
    Thread.sleep(300);
    assertThat(holder.peek().snapshot().hash()).isEqualTo(good);

    Files.delete(file);
    Thread.sleep(300);
    assertThat(holder.peek().snapshot().hash()).isEqualTo(good);

    writeAtomically(file, ENFORCE);
    await(() -> !holder.peek().snapshot().monitor());
  }

  @Test
  void aReloadThatThrowsDoesNotEndTheWatching() throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, ENFORCE);
    PolicyHolder holder = new PolicyHolder();
    PolicyReloader reloader = new PolicyReloader(file, holder);
    AtomicInteger attempts = new AtomicInteger();
    // the first attempt loads; the second and third fail as a parser bug and a too deep nesting would
    BooleanSupplier failingTwice = () -> {
      int attempt = attempts.incrementAndGet();
      if (attempt == 2) {
        throw new IllegalStateException("a parser bug");
      }
      if (attempt == 3) {
        throw new StackOverflowError();
      }
      return reloader.reloadIfChanged();
    };
    watcher = PolicyWatcher.start(new PolicyWatcher(file, failingTwice, holder));
    assertThat(holder.current().snapshot().monitor()).isFalse();

    writeAtomically(file, MONITOR);
    await(() -> holder.peek().snapshot().monitor());
    assertThat(attempts.get()).isGreaterThan(3);
    assertThat(watcher.isAlive()).isTrue();
  }

  @Test
  void followsAKubernetesConfigMapSymlinkSwap() throws Exception {
    // ConfigMap volumes: policy.yaml -> ..data/policy.yaml, ..data -> ..2026_v1; an update swaps ..data
    Path v1 = Files.createDirectory(dir.resolve("..2026_v1"));
    Files.writeString(v1.resolve("policy.yaml"), ENFORCE);
    Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
    Path file = dir.resolve("policy.yaml");
    Files.createSymbolicLink(file, Path.of("..data", "policy.yaml"));
    PolicyHolder holder = new PolicyHolder();
    watcher = PolicyWatcher.start(file, new PolicyReloader(file, holder), holder);
    assertThat(holder.current().snapshot().monitor()).isFalse();

    Path v2 = Files.createDirectory(dir.resolve("..2026_v2"));
    Files.writeString(v2.resolve("policy.yaml"), MONITOR);
    Path tmpLink = dir.resolve("..data_tmp");
    Files.createSymbolicLink(tmpLink, v2.getFileName());
    Files.move(tmpLink, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    await(() -> holder.peek().snapshot().monitor());
  }

  @Test
  void aMissingFileLeavesNoPolicyAndCallsDoNotWaitForever() {
    PolicyHolder holder = new PolicyHolder();
    Path file = dir.resolve("absent.yaml");
    watcher = PolicyWatcher.start(file, new PolicyReloader(file, holder), holder);
    assertThat(holder.current()).isNull();
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
  }
}
