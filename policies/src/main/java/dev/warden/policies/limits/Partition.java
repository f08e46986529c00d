package dev.warden.policies.limits;

/**
 * The buckets of one partition key, one per limit kind that applies. Thread-safe: every method
 * holds this object's monitor, so a check and the take that follows it are one step; the clock is
 * read under the monitor too, so each partition sees time move forward.
 */
final class Partition {

  private final TokenBucket[] buckets = new TokenBucket[LimitKind.ALL.length];

  /**
   * Adapts the buckets to {@code limits}, then admits one request: takes from every bucket when
   * all cover the request, else from none.
   */
  synchronized Admission admit(Limits limits, long estimatedTokens, TimeSource time) {
    long now = time.nanoTime();
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
    return new Admission.Granted(new HeldTokens(this, limits, estimatedTokens, time));
  }

  /**
   * Takes {@code delta} more tokens (or gives {@code -delta} back) from the token buckets that
   * {@code charged}, the limits of the admission, had and that still apply.
   */
  synchronized void correct(Limits charged, long delta, TimeSource time) {
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
