package dev.warden.policies.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

  private static final long S = 1_000_000_000L;
  private static final long MINUTE = 60;
  private static final long DAY = 86_400;
  /** An arbitrary nanoTime origin, far from zero as System.nanoTime() may be. */
  private static final long T0 = -5_000_000_000_000L;

  @Test
  void startsFullAndRefillsCapacityPerWindowContinuously() {
    TokenBucket bucket = new TokenBucket(60, MINUTE, T0);
    assertThat(bucket.level(T0)).isEqualTo(60);
    bucket.take(60, T0);
    assertThat(bucket.level(T0)).isZero();
    assertThat(bucket.level(T0 + S - 1)).isZero();
    assertThat(bucket.level(T0 + S)).isEqualTo(1);
    assertThat(bucket.level(T0 + 30 * S)).isEqualTo(30);
    assertThat(bucket.level(T0 + 60 * S)).isEqualTo(60);
    assertThat(bucket.level(T0 + 3_600 * S)).isEqualTo(60);
  }

  @Test
  void aRateThatDoesNotDivideTheWindowRefillsAtTheExactNanosecond() {
    TokenBucket bucket = new TokenBucket(7, MINUTE, T0);
    bucket.take(7, T0);
    // one token takes 60/7 s = 8_571_428_571.43 ns
    assertThat(bucket.level(T0 + 8_571_428_571L)).isZero();
    assertThat(bucket.level(T0 + 8_571_428_572L)).isEqualTo(1);
    assertThat(bucket.level(T0 + 6 * 8_571_428_571L)).isEqualTo(5);
    assertThat(bucket.level(T0 + 6 * 8_571_428_572L)).isEqualTo(6);
  }

  @Test
  void manySmallReadsDoNotDrift() {
    long capacity = 1_000_003;
    TokenBucket bucket = new TokenBucket(capacity, DAY, T0);
    bucket.take(capacity, T0);
    Random random = new Random(42);
    long elapsed = 0;
    for (int i = 0; i < 100_000; i++) {
      elapsed += 1 + random.nextInt(800_000_000);
      long expected = BigInteger.valueOf(elapsed).multiply(BigInteger.valueOf(capacity))
          .divide(BigInteger.valueOf(DAY * S)).longValueExact();
      assertThat(bucket.level(T0 + elapsed)).isEqualTo(Math.min(expected, capacity));
    }
    assertThat(elapsed).isLessThan(DAY * S);
  }

  @Test
  void aDailyBudgetRefillsProRata() {
    TokenBucket bucket = new TokenBucket(1_000_000, DAY, T0);
    bucket.take(1_000_000, T0);
    assertThat(bucket.level(T0 + 12 * 3_600 * S)).isEqualTo(500_000);
    assertThat(bucket.level(T0 + DAY * S)).isEqualTo(1_000_000);
  }

  @Test
  void largeCapacitiesStayExact() {
    long capacity = 1_000_000_000_000_000L;
    TokenBucket bucket = new TokenBucket(capacity, DAY, T0);
    bucket.take(capacity, T0);
    assertThat(bucket.level(T0 + 3_600 * S)).isEqualTo(capacity / 24);
    assertThat(bucket.level(T0 + 3_600 * S + 1)).isEqualTo(exact(3_600 * S + 1, capacity, DAY * S, false));
  }

  @Test
  void anAmountAboveCapacityIsCoveredOnlyByAFullBucketAndLeavesDebt() {
    TokenBucket bucket = new TokenBucket(10, MINUTE, T0);
    assertThat(bucket.covers(25, T0)).isTrue();
    bucket.take(25, T0);
    assertThat(bucket.level(T0)).isEqualTo(-15);
    assertThat(bucket.covers(0, T0)).isFalse();
    assertThat(bucket.level(T0 + 60 * S)).isEqualTo(-5);
    assertThat(bucket.covers(25, T0 + 60 * S)).isFalse();
    assertThat(bucket.secondsUntilCovered(25, T0 + 60 * S)).isEqualTo(90);
    assertThat(bucket.covers(25, T0 + 150 * S - 1)).isFalse();
    assertThat(bucket.covers(25, T0 + 150 * S)).isTrue();
  }

  @ParameterizedTest(name = "{0} per {1} s, after {2} ns, {3} tokens: {4} s")
  @CsvSource({
      "60, 60, 0, 1, 1",
      "60, 60, 500000000, 1, 1",
      "60, 60, 0, 30, 30",
      "60, 60, 200000000, 30, 30",
      "60, 60, 1000000000, 30, 29",
      "60, 60, 0, 60, 60",
      "60, 60, 0, 1000, 60",
      "7, 60, 0, 1, 9",
      "7, 60, 8571428572, 2, 9",
      "7, 60, 0, 7, 60",
      "1000, 86400, 0, 1, 87",
      "86400, 86400, 0, 3600, 3600",
      "1, 86400, 0, 1, 86400",
  })
  void secondsUntilCoveredIsTheCeilingOfTheExactWait(long capacity, long windowSeconds, long after, long amount,
      long seconds) {
    TokenBucket bucket = new TokenBucket(capacity, windowSeconds, T0);
    bucket.take(capacity, T0);
    assertThat(bucket.secondsUntilCovered(amount, T0 + after)).isEqualTo(seconds);
  }

  @Test
  void giveBackStopsAtCapacity() {
    TokenBucket bucket = new TokenBucket(100, MINUTE, T0);
    bucket.take(30, T0);
    bucket.giveBack(20, T0);
    assertThat(bucket.level(T0)).isEqualTo(90);
    bucket.giveBack(50, T0);
    assertThat(bucket.level(T0)).isEqualTo(100);
    bucket.giveBack(Long.MAX_VALUE, T0);
    assertThat(bucket.level(T0)).isEqualTo(100);
  }

  @Test
  void shrinkingClampsTheLevelAndGrowingKeepsIt() {
    TokenBucket bucket = new TokenBucket(100, MINUTE, T0);
    bucket.take(40, T0);
    bucket.resize(10, T0);
    assertThat(bucket.capacity()).isEqualTo(10);
    assertThat(bucket.level(T0)).isEqualTo(10);

    bucket.take(10, T0);
    bucket.resize(600, T0);
    assertThat(bucket.level(T0)).isZero();
    assertThat(bucket.level(T0 + S)).as("refills at the new rate").isEqualTo(10);
  }

  @Test
  void extremeValuesSaturateInsteadOfOverflowing() {
    TokenBucket huge = new TokenBucket(Long.MAX_VALUE, MINUTE, T0);
    assertThat(huge.capacity()).isEqualTo(TokenBucket.MAX_CAPACITY);
    huge.take(Long.MAX_VALUE, T0);
    assertThat(huge.level(T0)).isEqualTo(TokenBucket.MIN_LEVEL);
    assertThat(huge.level(T0 + 3 * 60 * S)).isEqualTo(TokenBucket.MIN_LEVEL + 3 * TokenBucket.MAX_CAPACITY);

    TokenBucket tiny = new TokenBucket(1, DAY, T0);
    tiny.take(Long.MAX_VALUE, T0);
    assertThat(tiny.level(T0)).isEqualTo(TokenBucket.MIN_LEVEL);
    assertThat(tiny.secondsUntilCovered(1, T0)).isEqualTo(Long.MAX_VALUE);
    tiny.take(1, T0);
    assertThat(tiny.level(T0 + Long.MAX_VALUE)).isEqualTo(TokenBucket.MIN_LEVEL + (Long.MAX_VALUE / (DAY * S)));
  }

  @Test
  void mulDivMatchesBigIntegerWhereItIsUsed() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long capacity = 1 + (random.nextLong() >>> (4 + random.nextInt(60)));
      long window = (random.nextBoolean() ? MINUTE : DAY) * S;
      long elapsed = random.nextLong(window);
      assertThat(TokenBucket.floorMulDiv(elapsed, capacity, window))
          .isEqualTo(exact(elapsed, capacity, window, false));
      long owed = random.nextLong(capacity);
      assertThat(TokenBucket.ceilMulDiv(owed, window, capacity))
          .isEqualTo(exact(owed, window, capacity, true));
    }
    long max = TokenBucket.MAX_CAPACITY;
    long day = DAY * S;
    assertThat(TokenBucket.floorMulDiv(day - 1, max, day)).isEqualTo(exact(day - 1, max, day, false));
    assertThat(TokenBucket.ceilMulDiv(max - 1, day, max)).isEqualTo(exact(max - 1, day, max, true));
  }

  @ParameterizedTest(name = "{0} per {1} s")
  @CsvSource({
      "1, 60", "7, 60", "60, 60", "1000, 60", "123457, 60", "1000000007, 60",
      "1, 86400", "999, 86400", "1000000, 86400", "1152921504606846976, 86400",
  })
  void behavesAsTheExactRationalBucket(long capacity, long windowSeconds) {
    Random random = new Random(capacity * 31 + windowSeconds);
    long now = T0;
    TokenBucket bucket = new TokenBucket(capacity, windowSeconds, now);
    ExactBucket exact = new ExactBucket(capacity, windowSeconds, now);
    for (int i = 0; i < 20_000; i++) {
      now += switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextLong(1_000);
        case 2 -> random.nextLong(windowSeconds * S / Math.min(capacity, 1_000) + 1);
        default -> random.nextLong(2 * windowSeconds * S);
      };
      exact.refill(now);
      long amount = random.nextLong(2 * capacity + 1);
      switch (random.nextInt(3)) {
        case 0 -> {
          boolean covered = bucket.covers(amount, now);
          assertThat(covered).as("covers at step %d", i).isEqualTo(exact.covers(amount));
          if (covered) {
            bucket.take(amount, now);
            exact.take(amount);
          } else {
            assertThat(bucket.secondsUntilCovered(amount, now)).as("wait at step %d", i)
                .isEqualTo(exact.secondsUntilCovered(amount));
          }
        }
        case 1 -> {
          bucket.take(amount / 4, now);
          exact.take(amount / 4);
        }
        default -> {
          bucket.giveBack(amount / 2, now);
          exact.giveBack(amount / 2);
        }
      }
      assertThat(bucket.level(now)).as("level at step %d", i).isEqualTo(exact.level());
    }
  }

  private static long exact(long a, long b, long d, boolean ceiling) {
    BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
    return qr[0].longValueExact() + (ceiling && qr[1].signum() > 0 ? 1 : 0);
  }

  /** The reference: the level as an exact rational, kept as level × window (token-nanoseconds). */
  private static final class ExactBucket {
    private final BigInteger capacity;
    private final BigInteger window;
    private final BigInteger full;
    private BigInteger scaled;
    private long last;

    ExactBucket(long capacity, long windowSeconds, long now) {
      this.capacity = BigInteger.valueOf(capacity);
      this.window = BigInteger.valueOf(windowSeconds * S);
      this.full = this.capacity.multiply(window);
      this.scaled = full;
      this.last = now;
    }

    void refill(long now) {
      scaled = scaled.add(BigInteger.valueOf(now - last).multiply(capacity)).min(full);
      last = now;
    }

    long level() {
      return floorDiv(scaled, window).longValueExact();
    }

    boolean covers(long amount) {
      return scaled.compareTo(target(amount)) >= 0;
    }

    long secondsUntilCovered(long amount) {
      BigInteger nanos = ceilDiv(target(amount).subtract(scaled), capacity);
      return Math.max(1, ceilDiv(nanos, BigInteger.valueOf(S)).longValueExact());
    }

    void take(long amount) {
      scaled = scaled.subtract(BigInteger.valueOf(amount).multiply(window));
    }

    void giveBack(long amount) {
      scaled = scaled.add(BigInteger.valueOf(amount).multiply(window)).min(full);
    }

    private BigInteger target(long amount) {
      return BigInteger.valueOf(amount).min(capacity).multiply(window);
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
      BigInteger[] qr = a.divideAndRemainder(b);
      return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
      return floorDiv(a.negate(), b).negate();
    }
  }
}
