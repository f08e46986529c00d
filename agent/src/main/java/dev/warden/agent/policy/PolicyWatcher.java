package dev.warden.agent.policy;

import dev.warden.agent.WardenLog;
import dev.warden.agent.telemetry.Telemetry;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Keeps the policy current: loads it once, then watches the file's directory and also polls, since
 * watch events are unreliable on some file systems and a Kubernetes ConfigMap update swaps a
 * symlink rather than writing the file. Runs on its own daemon thread, started after premain.
 */
public final class PolicyWatcher implements Runnable {

  private static final long POLL_MILLIS = Long.getLong("warden.policy.pollMillis", 1000);
  // writers often truncate then write; let them finish before reading
  private static final long SETTLE_MILLIS = 50;

  private final Path file;
  private final BooleanSupplier reload;
  private final PolicyHolder holder;
  private boolean failing;

  public PolicyWatcher(Path file, PolicyReloader reloader, PolicyHolder holder) {
    this(file, reloader::reloadIfChanged, holder);
  }

  PolicyWatcher(Path file, BooleanSupplier reload, PolicyHolder holder) {
    this.file = file;
    this.reload = reload;
    this.holder = holder;
  }

  /** Starts watching on a new daemon thread, which stops when interrupted. */
  public static Thread start(Path file, PolicyReloader reloader, PolicyHolder holder) {
    return start(new PolicyWatcher(file, reloader, holder));
  }

  static Thread start(PolicyWatcher watcher) {
    Thread thread = new Thread(watcher, "warden-policy");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    try {
      reloadSurviving();
    } finally {
      holder.firstAttemptDone();
    }
    // after the policy: the first call waits for that, not for the exporter
    Telemetry.warmUp();
    if (Telemetry.metrics() != null) {
      Telemetry.metrics().policyLoad(holder.peek() != null ? "loaded" : "rejected");
    }
    WatchService watch = openWatch();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        if (waitForChange(watch)) {
          Thread.sleep(SETTLE_MILLIS);
        }
        reloadSurviving();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One reload attempt that cannot end the watching: a file can fail in ways no validation foresaw
   * (a parser bug, nesting too deep for the stack, an allocation too large), and the next save
   * must still be read. Logged once until a reload works again.
   */
  private void reloadSurviving() {
    try {
      reload.getAsBoolean();
      failing = false;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      if (!failing) {
        WardenLog.error("policy reload failed (" + e.getClass().getName() + "); the current policy stays");
      }
      failing = true;
    }
  }

  /** Waits up to one poll interval; true when the directory reported an event. */
  private boolean waitForChange(WatchService watch) throws InterruptedException {
    if (watch == null) {
      Thread.sleep(POLL_MILLIS);
      return false;
    }
    try {
      WatchKey key = watch.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      if (key == null) {
        return false;
      }
      key.pollEvents();
      key.reset();
      return true;
    } catch (ClosedWatchServiceException e) {
      Thread.sleep(POLL_MILLIS);
      return false;
    }
  }

  private WatchService openWatch() {
    Path dir = file.getParent();
    if (dir == null) {
      return null;
    }
    try {
      WatchService watch = FileSystems.getDefault().newWatchService();
      dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      return watch;
    } catch (IOException | UnsupportedOperationException e) {
      WardenLog.debug("watching " + dir + " is not possible (" + e.getClass().getSimpleName() + "); polling only");
      return null;
    }
  }
}
