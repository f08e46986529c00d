package dev.warden.agent.policy;

import dev.warden.agent.WardenLog;
import dev.warden.agent.audit.PolicyRecord;
import dev.warden.agent.inventory.LibraryInventory;
import dev.warden.agent.telemetry.Telemetry;
import dev.warden.agent.telemetry.WardenMetrics;
import dev.warden.policies.config.PolicyError;
import dev.warden.policies.config.PolicyException;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.engine.PolicySnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the policy file, and when its content changed, validates and compiles it and swaps it in.
 * A file that cannot be read or does not validate changes nothing: the last good policy stays and
 * each error is logged as {@code file:line:col: message}, recorded in that policy's audit trail
 * and counted. Not thread-safe: one watcher calls it.
 */
public final class PolicyReloader {

  private final Path file;
  private final PolicyHolder holder;
  private byte[] lastDigest;
  private String lastReadProblem;

  public PolicyReloader(Path file, PolicyHolder holder) {
    this.file = file;
    this.holder = holder;
  }

  /** Loads the file if its content changed since the last call; true when a policy was swapped in. */
  public boolean reloadIfChanged() {
    byte[] bytes;
    try {
      bytes = PolicyLoader.read(file);
      lastReadProblem = null;
    } catch (IOException e) {
      String problem = e.getMessage();
      if (!problem.equals(lastReadProblem)) {
        lastReadProblem = problem;
        WardenLog.warn(problem + "; keeping " + keeping());
        recordRejection(List.of(PolicyLoader.unreadable(file, e)));
      }
      return false;
    }
    byte[] digest = sha256(bytes);
    if (Arrays.equals(digest, lastDigest)) {
      return false;
    }
    lastDigest = digest;
    try {
      PolicySnapshot snapshot = PolicyLoader.parse(bytes, file.toString());
      boolean first = holder.peek() == null;
      ActivePolicy active = ActivePolicy.of(snapshot);
      long purged = CachePurgeOnReload.before(holder.peek(), active);
      holder.set(active);
      if (active.audit() != null) {
        active.audit().append(PolicyRecord.loaded(file.toString(), snapshot.hash(), first));
        LibraryInventory.jvm().recordLibraries(active.audit());
      }
      CachePurgeOnReload.after(active, purged);
      countLoad("loaded");
      WardenLog.info("policy " + (first ? "loaded: " : "reloaded: ") + file + " (" + snapshot.hash() + ")"
          + (snapshot.monitor() ? " in monitor mode" : ""));
      return true;
    } catch (PolicyException e) {
      reject(e.errors());
      return false;
    }
  }

  private void reject(List<PolicyError> errors) {
    String keeping = keeping();
    for (PolicyError error : errors) {
      WardenLog.warn("policy rejected: " + error + "; keeping " + keeping);
    }
    recordRejection(errors);
  }

  /** A rejected or unreadable file is an audit record of the policy in force, and a count. */
  private void recordRejection(List<PolicyError> errors) {
    ActivePolicy current = holder.peek();
    if (current != null && current.audit() != null) {
      current.audit().append(PolicyRecord.rejected(file.toString(), errors, current.snapshot().hash()));
    }
    countLoad("rejected");
  }

  private static void countLoad(String outcome) {
    WardenMetrics metrics = Telemetry.metricsIfWarm();
    if (metrics != null) {
      metrics.policyLoad(outcome);
    }
  }

  private String keeping() {
    ActivePolicy current = holder.peek();
    return current == null ? "none (calls follow onError: block)" : current.snapshot().hash();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
