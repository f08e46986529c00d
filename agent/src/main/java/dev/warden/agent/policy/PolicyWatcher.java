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
  private final PolicyReloader reloader;
  private final PolicyHolder holder;

  public PolicyWatcher(Path file, PolicyReloader reloader, PolicyHolder holder) {
    this.file = file;
    this.reloader = reloader;
    this.holder = holder;
  }

  /** Starts watching on a new daemon thread, which stops when interrupted. */
  public static Thread start(Path file, PolicyReloader reloader, PolicyHolder holder) {
    Thread thread = new Thread(new PolicyWatcher(file, reloader, holder), "warden-policy");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    try {
      reloader.reloadIfChanged();
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
        reloader.reloadIfChanged();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      WardenLog.error("policy watcher stopped (" + e.getClass().getName() + "); the current policy stays");
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
