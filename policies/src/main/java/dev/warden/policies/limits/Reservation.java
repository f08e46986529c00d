package dev.warden.policies.limits;

/**
 * The tokens held for one admitted call, to be corrected once its real usage is known. Call
 * exactly one of {@link #settle} and {@link #release} once per call (in a {@code finally}); later
 * calls of either are ignored. Thread-safe: the call may end on another thread than it began.
 */
public interface Reservation {

  /**
   * Corrects the token buckets from the reserved estimate to {@code actualTokens}, input plus
   * output as the provider reported them: more than the estimate takes the difference (a bucket
   * may go into debt), less gives it back (never above a bucket's capacity).
   *
   * @throws IllegalArgumentException when {@code actualTokens} is negative
   */
  void settle(long actualTokens);

  /**
   * Gives the reserved tokens back, for a call that never reached the provider or failed without
   * reporting usage. The request itself stays counted.
   */
  void release();
}
