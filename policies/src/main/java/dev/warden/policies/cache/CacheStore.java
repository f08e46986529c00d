package dev.warden.policies.cache;

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
}
