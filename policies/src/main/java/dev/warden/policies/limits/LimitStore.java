package dev.warden.policies.limits;

import java.util.Objects;

/**
 * Where the counters of rate limits and budgets live: in this process
 * ({@link InMemoryLimitStore}), or in a store shared by several processes. One instance serves the
 * whole JVM and outlives policy reloads. Implementations are thread-safe.
 */
public interface LimitStore {

  /**
   * Admits one request of partition {@code key} under {@code limits}, taking one request and
   * {@code estimatedTokens} tokens from every bucket that applies, all or nothing. A request larger
   * than a bucket's whole capacity is admitted when that bucket is full, leaving it in debt. When
   * {@code limits} differ from the previous call's for the same key (a reload), the buckets follow
   * them: a changed capacity keeps the level, clamped to it; a removed limit stops applying; a new
   * one starts full. With no limits at all the request is granted without counting anything.
   *
   * @param key             the partition, usually from {@link #key(String, String)}
   * @param estimatedTokens input plus the most output the request may produce, at least 0
   * @return the grant with its reservation, or the refusal naming the first limit that is short,
   *     in the order requestsPerMinute, tokensPerMinute, tokensPerDay
   * @throws NullPointerException     when {@code key} or {@code limits} is null
   * @throws IllegalArgumentException when {@code estimatedTokens} is negative
   */
  Admission admit(String key, Limits limits, long estimatedTokens);

  /**
   * The partition key of a scope, or of one principal within it: {@code scopeId} alone when
   * {@code principal} is null, else {@code scopeId + '#' + principal}. Unambiguous because a
   * scope id never contains {@code '#'}, so the first one ends it.
   *
   * @throws NullPointerException     when {@code scopeId} is null
   * @throws IllegalArgumentException when {@code scopeId} contains {@code '#'}
   */
  static String key(String scopeId, String principal) {
    if (scopeId.indexOf('#') >= 0) {
      throw new IllegalArgumentException("a scope id must not contain '#'");
    }
    return principal == null ? scopeId : scopeId + '#' + principal;
  }
}
