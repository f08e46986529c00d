package dev.warden.policies.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policies.limits.Admission.Granted;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryLimitStoreCapTest {

  private static final Limits ONE_PER_MINUTE = new Limits(1L, 1_000L, null, false);

  private final FakeTime time = new FakeTime();

  @Test
  void fullIdlePartitionsGoFirstAndExactly() {
    InMemoryLimitStore store = new InMemoryLimitStore(time, 3);
    use(store, "a");
    use(store, "b");
    time.advanceSeconds(60);
    use(store, "c");
    time.advanceSeconds(1);
    use(store, "d");

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.partition("a")).isNull();
    assertThat(store.partition("b")).isNull();
    assertThat(store.partition("c")).as("older than d but not full").isNotNull();
    assertThat(store.partition("d")).isNotNull();
  }

  @Test
  void withoutFullPartitionsTheLeastRecentlyAdmittedGo() {
    InMemoryLimitStore store = new InMemoryLimitStore(time, 3);
    for (String key : List.of("a", "b", "c")) {
      use(store, key);
      time.advanceSeconds(1);
    }
    assertThat(store.admit("a", ONE_PER_MINUTE, 0)).as("a refusal is a use too").isInstanceOf(Admission.Refused.class);
    use(store, "d");

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.partition("b")).isNull();
    assertThat(store.admit("b", ONE_PER_MINUTE, 0)).as("b is forgotten: it starts full").isInstanceOf(Granted.class);
  }

  @Test
  void anOpenReservationKeepsAFullPartition() {
    InMemoryLimitStore store = new InMemoryLimitStore(time, 2);
    use(store, "b");
    time.advanceSeconds(60);
    Reservation open = ((Granted) store.admit("a", ONE_PER_MINUTE, 100)).reservation();
    time.advanceSeconds(60);
    use(store, "c");

    assertThat(store.partition("b")).isNull();
    assertThat(store.partition("a")).isNotNull();
    open.settle(400);
    assertThat(store.partition("a").level(LimitKind.TOKENS_PER_MINUTE, time.nanoTime())).isEqualTo(700);
  }

  @Test
  void settlingAReservationOfADroppedPartitionLeavesItsSuccessorAlone() {
    InMemoryLimitStore store = new InMemoryLimitStore(time, 1);
    Reservation orphan = ((Granted) store.admit("a", ONE_PER_MINUTE, 100)).reservation();
    time.advanceSeconds(1);
    use(store, "b");
    assertThat(store.partition("a")).isNull();

    time.advanceSeconds(1);
    use(store, "a");
    orphan.settle(900);
    assertThat(store.partition("a").level(LimitKind.TOKENS_PER_MINUTE, time.nanoTime())).isEqualTo(1_000);
  }

  @Test
  void manyKeysStayUnderTheCapWithATenthFreedAtEachPass() {
    InMemoryLimitStore store = new InMemoryLimitStore(time, 100);
    int largest = 0;
    for (int i = 0; i < 10_000; i++) {
      use(store, "principal-" + i);
      largest = Math.max(largest, store.size());
      time.advanceMillis(10);
    }
    assertThat(largest).isEqualTo(100);
    use(store, "one-more");
    assertThat(store.size()).isBetween(90, 100);
  }

  @Test
  void concurrentAdmissionsWhilePartitionsAreDropped() throws Exception {
    InMemoryLimitStore store = new InMemoryLimitStore(time, 50);
    Limits limits = new Limits(1_000_000L, 1_000_000L, null, false);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        futures.add(pool.submit(() -> {
          Random random = new Random(seed);
          int granted = 0;
          for (int i = 0; i < 5_000; i++) {
            Admission admission = store.admit("k" + random.nextInt(500), limits, 1);
            ((Granted) admission).reservation().settle(random.nextInt(3));
            granted++;
            if (i % 100 == 0) {
              time.advanceMillis(1);
            }
          }
          return granted;
        }));
      }
      for (Future<Integer> future : futures) {
        assertThat(future.get()).isEqualTo(5_000);
      }
    } finally {
      pool.shutdownNow();
    }
    use(store, "after");
    assertThat(store.size()).isLessThanOrEqualTo(50);
  }

  @Test
  void theCapIsAtLeastOne() {
    assertThatThrownBy(() -> new InMemoryLimitStore(time, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new InMemoryLimitStore(time, 1).admit("a", ONE_PER_MINUTE, 0)).isInstanceOf(Granted.class);
  }

  /** One admitted request of {@code key}, its reservation released. */
  private static void use(InMemoryLimitStore store, String key) {
    Admission admission = store.admit(key, ONE_PER_MINUTE, 10);
    assertThat(admission).as(key).isInstanceOf(Granted.class);
    ((Granted) admission).reservation().release();
  }
}
