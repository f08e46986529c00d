package dev.warden.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
