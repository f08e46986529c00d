package dev.warden.policies.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policies.limits.Admission.Granted;
import dev.warden.policies.limits.Admission.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryLimitStoreTest {

  private static final String KEY = "team-a";

  private final FakeTime time = new FakeTime();
  private final InMemoryLimitStore store = new InMemoryLimitStore(time);

  @Test
  void requestsPerMinuteAdmitsThatManyThenRefusesAsRateLimited() {
    Limits limits = new Limits(3L, null, null, false);
    for (int i = 0; i < 3; i++) {
      assertThat(store.admit(KEY, limits, 1_000)).isInstanceOf(Granted.class);
    }
    assertThat(store.admit(KEY, limits, 1_000)).isEqualTo(new Refused("rate_limited", 20, "requestsPerMinute"));
    time.advanceMillis(19_999);
    assertThat(store.admit(KEY, limits, 1_000)).isInstanceOf(Refused.class);
    time.advanceMillis(1);
    assertThat(store.admit(KEY, limits, 1_000)).isInstanceOf(Granted.class);
  }

  @Test
  void tokensPerMinuteRefusesAsRateLimitedWithTheWaitForTheMissingTokens() {
    Limits limits = new Limits(null, 1_000L, null, false);
    assertThat(store.admit(KEY, limits, 600)).isInstanceOf(Granted.class);
    // 200 tokens missing at 1000 per minute: 12 s
    assertThat(store.admit(KEY, limits, 600)).isEqualTo(new Refused("rate_limited", 12, "tokensPerMinute"));
  }

  @Test
  void tokensPerDayRefusesAsBudgetExceeded() {
    Limits limits = new Limits(null, null, 1_000L, false);
    assertThat(store.admit(KEY, limits, 1_000)).isInstanceOf(Granted.class);
    // one token per 86.4 s
    assertThat(store.admit(KEY, limits, 1)).isEqualTo(new Refused("budget_exceeded", 87, "tokensPerDay"));
  }

  @Test
  void aRefusalTakesNothingFromAnyBucket() {
    Limits limits = new Limits(10L, 1_000L, 500L, false);
    assertThat(store.admit(KEY, limits, 400)).isInstanceOf(Granted.class);
    assertLevels(9, 600, 100);

    assertThat(store.admit(KEY, limits, 200)).isInstanceOf(Refused.class)
        .extracting("limitName").isEqualTo("tokensPerDay");
    assertLevels(9, 600, 100);

    assertThat(store.admit(KEY, limits, 100)).isInstanceOf(Granted.class);
    assertLevels(8, 500, 0);
  }

  @Test
  void aRefusalNamesTheFirstShortLimitWithItsOwnWait() {
    Limits limits = new Limits(3L, 10L, 10L, false);
    assertThat(store.admit(KEY, limits, 10)).isInstanceOf(Granted.class);
    assertThat(store.admit(KEY, limits, 5)).as("5 tokens at 10 per minute; the day's are much further")
        .isEqualTo(new Refused("rate_limited", 30, "tokensPerMinute"));

    assertThat(store.admit(KEY, limits, 0)).isInstanceOf(Granted.class);
    assertThat(store.admit(KEY, limits, 0)).isInstanceOf(Granted.class);
    assertThat(store.admit(KEY, limits, 5)).as("all three are short")
        .isEqualTo(new Refused("rate_limited", 20, "requestsPerMinute"));

    time.advanceSeconds(60);
    assertThat(store.admit(KEY, limits, 5)).as("5 tokens at 10 per day, less the 60 s gone: 43,200 s - 60 s")
        .isEqualTo(new Refused("budget_exceeded", 43_140, "tokensPerDay"));
  }

  @Test
  void aRequestLargerThanTheBucketIsAdmittedWhenTheBucketIsFull() {
    Limits limits = new Limits(null, 100L, null, false);
    assertThat(store.admit(KEY, limits, 50)).isInstanceOf(Granted.class);
    assertThat(store.admit(KEY, limits, 250)).as("50 tokens short of full: 30 s")
        .isEqualTo(new Refused("rate_limited", 30, "tokensPerMinute"));
    time.advanceSeconds(30);
    assertThat(store.admit(KEY, limits, 250)).isInstanceOf(Granted.class);
    assertThat(level(LimitKind.TOKENS_PER_MINUTE)).isEqualTo(-150);

    assertThat(store.admit(KEY, limits, 1)).as("the debt is paid back first: 151 tokens, 90.6 s")
        .isEqualTo(new Refused("rate_limited", 91, "tokensPerMinute"));
    assertThat(store.admit(KEY, limits, 250)).isEqualTo(new Refused("rate_limited", 150, "tokensPerMinute"));
    time.advanceSeconds(150);
    assertThat(store.admit(KEY, limits, 250)).isInstanceOf(Granted.class);
  }

  @Test
  void settlingAboveTheEstimateTakesTheDifferenceEvenIntoDebt() {
    Limits limits = new Limits(null, 1_000L, 10_000L, false);
    reserve(limits, 100).settle(300);
    assertLevels(null, 700, 9_700);

    reserve(limits, 100).settle(1_500);
    assertLevels(null, -800, 8_200);
    assertThat(store.admit(KEY, limits, 0)).as("in debt, even an empty request waits: 800 tokens, 48 s")
        .isEqualTo(new Refused("rate_limited", 48, "tokensPerMinute"));
  }

  @Test
  void settlingBelowTheEstimateGivesTheDifferenceBackUpToCapacity() {
    Limits limits = new Limits(null, 1_000L, 10_000L, false);
    reserve(limits, 500).settle(200);
    assertLevels(null, 800, 9_800);

    Reservation later = reserve(limits, 500);
    time.advanceSeconds(60);
    later.settle(0);
    assertLevels(null, 1_000, 9_300 + 6 + 500);
  }

  @Test
  void releaseGivesTheTokensBackButTheRequestStaysCounted() {
    Limits limits = new Limits(2L, 1_000L, null, false);
    reserve(limits, 400).release();
    assertLevels(1, 1_000, null);
    assertThat(store.admit(KEY, limits, 0)).isInstanceOf(Granted.class);
    assertThat(store.admit(KEY, limits, 0)).extracting("limitName").isEqualTo("requestsPerMinute");
  }

  @Test
  void onlyTheFirstSettleOrReleaseCounts() {
    Limits limits = new Limits(null, 1_000L, null, false);
    Reservation settled = reserve(limits, 100);
    settled.settle(300);
    settled.settle(300);
    settled.release();
    assertLevels(null, 700, null);

    Reservation released = reserve(limits, 100);
    released.release();
    released.settle(500);
    released.release();
    assertLevels(null, 700, null);
  }

  @Test
  void aNegativeActualIsRejectedAndLeavesTheReservationOpen() {
    Limits limits = new Limits(null, 1_000L, null, false);
    Reservation reservation = reserve(limits, 100);
    assertThatThrownBy(() -> reservation.settle(-1)).isInstanceOf(IllegalArgumentException.class);
    reservation.settle(40);
    assertLevels(null, 960, null);
  }

  @Test
  void concurrentEndsOfOneReservationCountOnce() throws Exception {
    Limits limits = new Limits(null, 100_000L, null, false);
    Reservation reservation = reserve(limits, 1_000);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean settle = i % 2 == 0;
      tasks.add(() -> {
        if (settle) {
          reservation.settle(5_000);
        } else {
          reservation.release();
        }
        return null;
      });
    }
    runTogether(tasks);
    assertThat(level(LimitKind.TOKENS_PER_MINUTE)).isIn(95_000L, 100_000L);
  }

  @Test
  void aChangedCapacityKeepsTheLevelClampedToIt() {
    assertThat(store.admit(KEY, new Limits(10L, null, null, false), 0)).isInstanceOf(Granted.class);
    assertThat(store.admit(KEY, new Limits(10L, null, null, false), 0)).isInstanceOf(Granted.class);
    assertLevels(8, null, null);

    store.admit(KEY, new Limits(5L, null, null, false), 0);
    assertLevels(4, null, null);

    store.admit(KEY, new Limits(60L, null, null, false), 0);
    assertLevels(3, null, null);
    time.advanceSeconds(1);
    assertLevels(4, null, null);
  }

  @Test
  void aRemovedLimitStopsApplyingAndANewOneStartsFull() {
    Limits tight = new Limits(null, null, 100L, false);
    assertThat(store.admit(KEY, tight, 100)).isInstanceOf(Granted.class);
    assertThat(store.admit(KEY, tight, 1)).isInstanceOf(Refused.class);

    Limits perMinute = new Limits(null, 500L, null, false);
    assertThat(store.admit(KEY, perMinute, 300)).isInstanceOf(Granted.class);
    assertLevels(null, 200, null);

    assertThat(store.admit(KEY, new Limits(null, 500L, 100L, false), 100))
        .as("the day's limit is back, full").isInstanceOf(Granted.class);
    assertLevels(null, 100, 0);
  }

  @Test
  void aCorrectionReachesOnlyTheBucketsTheAdmissionCharged() {
    Reservation perMinuteOnly = reserve(new Limits(null, 1_000L, null, false), 100);
    store.admit(KEY, new Limits(null, 1_000L, 5_000L, false), 0);
    perMinuteOnly.settle(300);
    assertLevels(null, 700, 5_000);

    Reservation both = reserve(new Limits(null, 1_000L, 5_000L, false), 100);
    store.admit(KEY, new Limits(null, null, 5_000L, false), 0);
    both.settle(1_100);
    assertLevels(null, null, 3_900);
  }

  @Test
  void keysAreCountedApart() {
    Limits limits = new Limits(1L, null, null, false);
    assertThat(store.admit("a", limits, 0)).isInstanceOf(Granted.class);
    assertThat(store.admit("a", limits, 0)).isInstanceOf(Refused.class);
    assertThat(store.admit("b", limits, 0)).isInstanceOf(Granted.class);
  }

  @Test
  void withoutLimitsEverythingIsGrantedAndNothingKept() {
    Limits none = new Limits(null, null, null, true);
    for (int i = 0; i < 10; i++) {
      Admission admission = store.admit(KEY, none, Long.MAX_VALUE);
      assertThat(admission).isInstanceOf(Granted.class);
      ((Granted) admission).reservation().settle(1);
    }
    assertThat(store.partition(KEY)).isNull();
  }

  @Test
  void rejectsInvalidArguments() {
    Limits limits = new Limits(1L, null, null, false);
    assertThatThrownBy(() -> store.admit(null, limits, 0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.admit(KEY, null, 0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.admit(KEY, limits, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InMemoryLimitStore(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void oneKeyIsNeverOverAdmittedByConcurrentCallers() throws Exception {
    Limits limits = new Limits(1_000L, 70_000L, null, false);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      long estimate = 10 * (t + 1);
      tasks.add(() -> {
        int granted = 0;
        for (int i = 0; i < 2_000; i++) {
          if (store.admit(KEY, limits, estimate) instanceof Granted) {
            granted++;
          }
        }
        return granted;
      });
    }
    List<Integer> granted = runTogether(tasks);
    assertThat(granted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
    long tokens = 0;
    for (int t = 0; t < 4; t++) {
      tokens += granted.get(t) * 10L * (t + 1);
    }
    assertThat(level(LimitKind.TOKENS_PER_MINUTE)).isEqualTo(70_000 - tokens);
    assertThat(level(LimitKind.REQUESTS_PER_MINUTE)).isZero();
  }

  @Test
  void concurrentCallersStopExactlyAtTheTokenLimit() throws Exception {
    Limits limits = new Limits(null, 10_000L, null, false);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      tasks.add(() -> {
        int granted = 0;
        for (int i = 0; i < 1_000; i++) {
          if (store.admit(KEY, limits, 7) instanceof Granted) {
            granted++;
          }
        }
        return granted;
      });
    }
    assertThat(runTogether(tasks).stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000 / 7);
  }

  private Reservation reserve(Limits limits, long estimate) {
    Admission admission = store.admit(KEY, limits, estimate);
    assertThat(admission).isInstanceOf(Granted.class);
    return ((Granted) admission).reservation();
  }

  private Long level(LimitKind kind) {
    return store.partition(KEY).level(kind, time.nanoTime());
  }

  private void assertLevels(Integer requestsPerMinute, Integer tokensPerMinute, Integer tokensPerDay) {
    assertThat(new Long[] {level(LimitKind.REQUESTS_PER_MINUTE), level(LimitKind.TOKENS_PER_MINUTE),
        level(LimitKind.TOKENS_PER_DAY)})
        .containsExactly(toLong(requestsPerMinute), toLong(tokensPerMinute), toLong(tokensPerDay));
  }

  private static Long toLong(Integer value) {
    return value == null ? null : value.longValue();
  }

  private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CyclicBarrier start = new CyclicBarrier(tasks.size());
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
