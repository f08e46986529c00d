package dev.warden.agent.policy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The policy in force. A call reads it once and uses that one snapshot from start to end; a
 * reload swaps the reference atomically. Calls that arrive before the first load attempt has
 * finished wait for it, a bounded time.
 */
public final class PolicyHolder {

  private static final long FIRST_LOAD_WAIT_SECONDS = 10;

  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private volatile ActivePolicy current;

  /** The policy in force, or null when no valid policy has been loaded. */
  public ActivePolicy current() {
    ActivePolicy policy = current;
    if (policy != null || firstAttempt.getCount() == 0) {
      return policy;
    }
    try {
      firstAttempt.await(FIRST_LOAD_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return current;
  }

  /** The policy in force right now, without waiting. */
  public ActivePolicy peek() {
    return current;
  }

  void set(ActivePolicy policy) {
    current = policy;
  }

  void firstAttemptDone() {
    firstAttempt.countDown();
  }
}
