package dev.warden.agent.policy;

import dev.warden.agent.WardenLog;
import dev.warden.agent.audit.PolicyRecord;
import dev.warden.policies.config.CachePurge;
import dev.warden.policies.engine.PolicySnapshot;

/**
 * {@code cache.purge} at a reload: when the new policy carries a purge id the policy in force does
 * not, the partitions it names are dropped from the memory store before the new policy serves a
 * call and once more right after, since a call still running on the old policy may store its
 * answer in between. A first load purges nothing: the JVM's memory store starts empty, and a
 * restart must not repeat an old purge. The purge is audited and logged; it never fails a reload.
 */
final class CachePurgeOnReload {

  private CachePurgeOnReload() {}

  /** Purges before the swap; the entries removed, or -1 when this reload brings no purge. */
  static long before(ActivePolicy previous, ActivePolicy next) {
    CachePurge purge = next.snapshot().cachePurge();
    if (previous == null || purge == null || next.snapshot().cache() == null) {
      return -1;
    }
    CachePurge done = previous.snapshot().cachePurge();
    if (done != null && done.id().equals(purge.id())) {
      return -1;
    }
    return purge(next.snapshot(), purge);
  }

  /** Purges again after the swap, then records and logs the purge {@link #before} ran. */
  static void after(ActivePolicy next, long removedBefore) {
    if (removedBefore < 0) {
      return;
    }
    CachePurge purge = next.snapshot().cachePurge();
    long removed = removedBefore + purge(next.snapshot(), purge);
    if (next.audit() != null) {
      next.audit().append(PolicyRecord.cachePurged(purge.id(), purge.partitions(), removed, next.snapshot().hash()));
    }
    WardenLog.info("cache purge '" + purge.id() + "': " + removed + " entries of " + purge.partitions().size()
        + " partition(s) removed");
  }

  private static long purge(PolicySnapshot snapshot, CachePurge purge) {
    try {
      return snapshot.cache().purge(purge.partitions());
    } catch (RuntimeException e) {
      WardenLog.warn("cache purge '" + purge.id() + "' failed (" + e.getClass().getSimpleName() + ")");
      return 0;
    }
  }
}
