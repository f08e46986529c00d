package dev.warden.policies.limits;

/**
 * The buckets of one partition key, one per limit kind that applies. Thread-safe: every method
 * holds this object's monitor, so a check and the take that follows it are one step; the clock is
 * read under the monitor too, so each partition sees time move forward.
 *
 * <p>Once {@linkplain #retire() retired} (dropped from the store), a partition admits nothing; the
 * store then looks the key up again.
 */
final class Partition {

  final String key;
  private final TokenBucket[] buckets = new TokenBucket[LimitKind.ALL.length];
  private long lastUsed;
  /** Reservations granted and not yet settled or released. */
  private int open;
  private boolean retired;

  Partition(String key) {
    this.key = key;
  }

  /**
   * Adapts the buckets to {@code limits}, then admits one request: takes from every bucket when
   * all cover the request, else from none.
   *
   * @return the admission, or null when this partition is retired
   */
  synchronized Admission admit(Limits limits, long estimatedTokens, TimeSource time) {
    if (retired) {
      return null;
    }
    long now = time.nanoTime();
    lastUsed = now;
    adapt(limits, now);
    for (LimitKind kind : LimitKind.ALL) {
      TokenBucket bucket = buckets[kind.ordinal()];
      long amount = kind.amount(estimatedTokens);
      if (bucket != null && !bucket.covers(amount, now)) {
        return new Admission.Refused(kind.code, bucket.secondsUntilCovered(amount, now), kind.limitName);
      }
    }
    for (LimitKind kind : LimitKind.ALL) {
      TokenBucket bucket = buckets[kind.ordinal()];
      if (bucket != null) {
        bucket.take(kind.amount(estimatedTokens), now);
      }
    }
    open++;
    return new Admission.Granted(new HeldTokens(this, limits, estimatedTokens, time));
  }

  /**
   * Ends one reservation: takes {@code delta} more tokens (or gives {@code -delta} back) from the
   * token buckets that {@code charged}, the limits of its admission, had and that still apply.
   */
  synchronized void correct(Limits charged, long delta, TimeSource time) {
    open--;
    if (delta == 0) {
      return;
    }
    long now = time.nanoTime();
    for (LimitKind kind : LimitKind.ALL) {
      TokenBucket bucket = buckets[kind.ordinal()];
      if (kind.countsTokens() && bucket != null && kind.in(charged) != null) {
        if (delta > 0) {
          bucket.take(delta, now);
        } else {
          bucket.giveBack(-delta, now);
        }
      }
    }
  }

  /**
   * Retires this partition when dropping it loses nothing: no reservation is open and every bucket
   * is full at the clock's reading, just as a new partition would start.
   *
   * @return true when retired
   */
  synchronized boolean retireIfSpent(TimeSource time) {
    if (open > 0) {
      return false;
    }
    long now = time.nanoTime();
    for (TokenBucket bucket : buckets) {
      if (bucket != null && bucket.level(now) < bucket.capacity()) {
        return false;
      }
    }
    retired = true;
    return true;
  }

  /** Retires this partition whatever it holds. */
  synchronized void retire() {
    retired = true;
  }

  /** The clock's reading at the last admission. */
  synchronized long lastUsed() {
    return lastUsed;
  }

  /** The level of the bucket of {@code kind} at {@code now}, or null when there is none (for tests). */
  synchronized Long level(LimitKind kind, long now) {
    TokenBucket bucket = buckets[kind.ordinal()];
    return bucket == null ? null : bucket.level(now);
  }

  private void adapt(Limits limits, long now) {
    for (LimitKind kind : LimitKind.ALL) {
      Long limit = kind.in(limits);
      TokenBucket bucket = buckets[kind.ordinal()];
      if (limit == null) {
        buckets[kind.ordinal()] = null;
      } else if (bucket == null) {
        buckets[kind.ordinal()] = new TokenBucket(limit, kind.windowSeconds, now);
      } else {
        bucket.resize(limit, now);
      }
    }
  }
}
