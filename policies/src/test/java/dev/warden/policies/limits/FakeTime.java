package dev.warden.policies.limits;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test moves it; starts at an arbitrary reading. Thread-safe. */
final class FakeTime implements TimeSource {

  private final AtomicLong now = new AtomicLong(-7_000_000_000_000L);

  @Override
  public long nanoTime() {
    return now.get();
  }

  void advanceSeconds(long seconds) {
    now.addAndGet(seconds * 1_000_000_000L);
  }

  void advanceMillis(long millis) {
    now.addAndGet(millis * 1_000_000L);
  }
}
