package dev.warden.policies.alerts;

import java.time.Duration;

/**
 * A count over a sliding window, kept in {@value #BUCKETS} fixed buckets of a tenth of the window
 * each, and the usual count of a window learned from the buckets that slide out. Constant memory,
 * constant time per update. Not thread-safe: its {@link AlertPartition} serializes it.
 *
 * <p>The usual count is an exponentially weighted average of past buckets with a time constant of
 * about three windows; until it has seen that many buckets it is their plain mean, so that the
 * first window does not weigh more than the rest.
 */
final class SlidingCount {

  static final int BUCKETS = 10;
  private static final double WEIGHT = 1.0 / (3 * BUCKETS);
  /** The buckets after which the average's weight is {@link #WEIGHT}; quiet buckets past these are folded at once. */
  private static final int AVERAGING = 3 * BUCKETS;

  private final long bucketNanos;
  private final long origin;
  private final long[] counts = new long[BUCKETS];
  /** The index (from {@link #origin}) of the newest bucket. */
  private long head;
  private long sum;
  private double usualPerBucket;
  /** Buckets that slid out of the window since it started, and so taught the usual count. */
  private long expired;

  SlidingCount(Duration window, long now) {
    this.bucketNanos = bucketNanos(window);
    this.origin = now;
  }

  /** True when this counts over {@code window}; a reload that changes the window starts a new count. */
  boolean counts(Duration window) {
    return bucketNanos == bucketNanos(window);
  }

  void add(long amount, long now) {
    advance(now);
    counts[(int) (head % BUCKETS)] += amount;
    sum += amount;
  }

  /** The count over the window that ends at {@code now}. */
  long sum(long now) {
    advance(now);
    return sum;
  }

  /** True once a whole window of buckets has slid out: {@link #usual()} means something. */
  boolean learned() {
    return expired >= BUCKETS;
  }

  /** The usual count of a window, from the buckets that slid out. */
  double usual() {
    return usualPerBucket * BUCKETS;
  }

  private void advance(long now) {
    long index = (now - origin) / bucketNanos;
    if (index <= head) {
      return;
    }
    long steps = index - head;
    for (long i = 1; i <= Math.min(steps, BUCKETS); i++) {
      int slot = (int) ((head + i) % BUCKETS);
      if (head + i >= BUCKETS) { // the slot held a bucket of this count, not one before it started
        learn(counts[slot]);
      }
      sum -= counts[slot];
      counts[slot] = 0;
    }
    for (long quiet = steps - BUCKETS; quiet > 0; quiet--) {
      if (expired >= AVERAGING) {
        usualPerBucket *= Math.pow(1 - WEIGHT, quiet);
        expired += quiet;
        break;
      }
      learn(0);
    }
    head = index;
  }

  private void learn(long count) {
    expired++;
    usualPerBucket += Math.max(WEIGHT, 1.0 / expired) * (count - usualPerBucket);
  }

  private static long bucketNanos(Duration window) {
    return Math.max(1, window.toNanos() / BUCKETS);
  }
}
