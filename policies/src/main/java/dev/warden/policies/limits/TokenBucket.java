package dev.warden.policies.limits;

/**
 * One token bucket: holds at most {@code capacity} tokens, starts full and refills continuously at
 * {@code capacity} tokens per window. The level may go below zero (debt), which refill pays back
 * first. Not thread-safe: its owner guards it.
 *
 * <p>Arithmetic is exact, in whole tokens and nanoseconds, with no drift however often it is
 * read. The bucket keeps an anchor instant and the whole tokens {@code credited} since it; the
 * refill owed at {@code now} is always {@code floor((now - anchor) * capacity / window)} computed
 * afresh, so rounding never accumulates. The anchor moves on by whole windows only (which add
 * exactly {@code capacity}), and to {@code now} when the bucket is full (a full bucket earns
 * nothing, so the fraction of a token in progress is dropped there, as it would be by the cap).
 * Capacities are taken up to {@link #MAX_CAPACITY} and the level never falls below
 * {@link #MIN_LEVEL}, which keeps every intermediate value within a {@code long}.
 */
final class TokenBucket {

  /** Larger limits behave as this one (about 10^18 tokens per window: no limit in practice). */
  static final long MAX_CAPACITY = 1L << 60;

  /** The deepest debt kept; more is forgotten rather than overflowing. */
  static final long MIN_LEVEL = -(1L << 62);

  static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long windowSeconds;
  private final long window;
  private long capacity;
  private long level;
  private long anchor;
  private long credited;

  /** A full bucket of {@code capacity} (> 0) tokens refilled per {@code windowSeconds} (> 0). */
  TokenBucket(long capacity, long windowSeconds, long now) {
    this.windowSeconds = windowSeconds;
    this.window = windowSeconds * NANOS_PER_SECOND;
    this.capacity = Math.min(capacity, MAX_CAPACITY);
    fill(now);
  }

  /**
   * True when the level at {@code now} covers a take of {@code amount} (>= 0): at least
   * {@code amount}, or the bucket is full when {@code amount} is more than it can ever hold.
   */
  boolean covers(long amount, long now) {
    refill(now);
    return level >= Math.min(amount, capacity);
  }

  /**
   * Whole seconds, at least 1, from {@code now} until the bucket {@link #covers} {@code amount};
   * {@link Long#MAX_VALUE} when that is further away than a {@code long} can say.
   */
  long secondsUntilCovered(long amount, long now) {
    refill(now);
    // the refill counted from the anchor must reach `owed` tokens; it does after ceil(owed * window / capacity) ns
    long owed = Math.min(amount, capacity) - level + credited;
    long windows = owed / capacity;
    if (windows > Long.MAX_VALUE / windowSeconds - 2) {
      return Long.MAX_VALUE;
    }
    long restNanos = ceilMulDiv(owed % capacity, window, capacity) - (now - anchor);
    long restSeconds = -Math.floorDiv(-restNanos, NANOS_PER_SECOND);
    return Math.max(1, windows * windowSeconds + restSeconds);
  }

  /** Takes {@code amount} (>= 0) tokens; the level may go negative. */
  void take(long amount, long now) {
    refill(now);
    level = amount >= level - MIN_LEVEL ? MIN_LEVEL : level - amount;
  }

  /** Gives {@code amount} (>= 0) tokens back, never above capacity. */
  void giveBack(long amount, long now) {
    refill(now);
    if (amount >= capacity - level) {
      fill(now);
    } else {
      level += amount;
    }
  }

  /**
   * Changes the capacity (and with it the refill rate), keeping the level clamped to the new
   * capacity; the fraction of a token refilling at {@code now} is dropped.
   */
  void resize(long newCapacity, long now) {
    long clamped = Math.min(newCapacity, MAX_CAPACITY);
    if (clamped == capacity) {
      return;
    }
    refill(now);
    capacity = clamped;
    level = Math.min(level, clamped);
    anchor = now;
    credited = 0;
  }

  /** The whole tokens held at {@code now}; negative in debt. */
  long level(long now) {
    refill(now);
    return level;
  }

  long capacity() {
    return capacity;
  }

  private void refill(long now) {
    if (level >= capacity) {
      fill(now);
      return;
    }
    long elapsed = now - anchor;
    if (elapsed <= 0) {
      return;
    }
    long windows = elapsed / window;
    long owed = capacity - level + credited;
    if (windows > (owed - 1) / capacity) {
      fill(now);
      return;
    }
    long credit = floorMulDiv(elapsed % window, capacity, window);
    level += windows * capacity + credit - credited;
    anchor += windows * window;
    credited = credit;
    if (level >= capacity) {
      fill(now);
    }
  }

  private void fill(long now) {
    level = capacity;
    anchor = now;
    credited = 0;
  }

  /**
   * {@code floor(a * b / d)} for {@code a, b >= 0} and {@code d > 0}, exact whenever
   * {@code (result * 2^-50 + 2) * d < 2^63}: here either the result is below 2^60 and {@code d} a
   * window (under 2^47 ns), or the result is below a window and {@code d} at most 2^60. The double
   * quotient {@code q} is off by less than {@code result * 2^-50 + 1}, so the true remainder
   * {@code a * b - q * d} fits a {@code long}, and wrapping {@code long} arithmetic computes it
   * exactly.
   */
  static long floorMulDiv(long a, long b, long d) {
    long q = (long) ((double) a * (double) b / (double) d);
    return q + Math.floorDiv(a * b - q * d, d);
  }

  /** {@code ceil(a * b / d)}, under the conditions of {@link #floorMulDiv}. */
  static long ceilMulDiv(long a, long b, long d) {
    long q = (long) ((double) a * (double) b / (double) d);
    return q - Math.floorDiv(q * d - a * b, d);
  }
}
