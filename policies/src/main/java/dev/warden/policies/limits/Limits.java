package dev.warden.policies.limits;

/**
 * The rate limits and budget of one key scope. A null component means no such limit.
 *
 * @param requestsPerMinute requests admitted per minute, refused as {@code rate_limited}
 * @param tokensPerMinute   tokens (input + output) per minute, refused as {@code rate_limited}
 * @param tokensPerDay      tokens (input + output) per day, refused as {@code budget_exceeded}
 * @param perPrincipal      true when each principal of the scope has its own counters; the caller
 *                          acts on it by building the key with {@link LimitStore#key}, the store
 *                          ignores it
 */
public record Limits(Long requestsPerMinute, Long tokensPerMinute, Long tokensPerDay, boolean perPrincipal) {

  /**
   * @throws IllegalArgumentException when a component is zero or negative (the policy reader
   *     reports that first, with its location; this is the last line of defence)
   */
  public Limits {
    requirePositive(requestsPerMinute, "requestsPerMinute");
    requirePositive(tokensPerMinute, "tokensPerMinute");
    requirePositive(tokensPerDay, "tokensPerDay");
  }

  /** True when no limit is set. */
  public boolean none() {
    return requestsPerMinute == null && tokensPerMinute == null && tokensPerDay == null;
  }

  private static void requirePositive(Long limit, String name) {
    if (limit != null && limit <= 0) {
      throw new IllegalArgumentException(name + " must be greater than 0, was " + limit);
    }
  }
}
