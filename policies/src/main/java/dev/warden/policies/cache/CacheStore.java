package dev.warden.policies.cache;

import java.util.List;

/**
 * Where sealed cache entries live: in this JVM, or (a later version) in a store a fleet shares.
 * Only sealed bytes ever reach a store. Implementations are thread-safe and never throw for an
 * unavailable backend: a read is then a miss, a write is dropped.
 */
public interface CacheStore {

  /** The sealed entry named {@code name}, or null. */
  byte[] get(String name);

  /** Stores a sealed entry. */
  void put(String name, byte[] sealed);

  /**
   * Removes every entry whose name starts with one of these partition tags and a colon; how many
   * it removed. Unlike a lookup, a purge reports a failure (an operator waits for its answer).
   *
   * @throws RuntimeException when the backend cannot be reached or fails part-way
   */
  long purge(List<String> partitionTags);
}
