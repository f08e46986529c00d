package dev.warden.policies.cache;

import java.time.Duration;

/**
 * The JVM's memory store, kept across policy reloads while its size and age bounds stay the same
 * (a reload that only edits another section keeps every entry). Thread-safe.
 */
public final class CacheStores {

  private static MemoryCacheStore memory;
  private static long memoryMaxBytes;
  private static Duration memoryTtl;

  private CacheStores() {}

  /** Entries the memory store has dropped for size or age (0 before there is one). */
  public static synchronized long evictions() {
    return memory == null ? 0 : memory.evictions();
  }

  /** The memory store with these bounds: the current one, or a new one when they changed. */
  public static synchronized MemoryCacheStore memory(long maxBytes, Duration ttl) {
    if (memory == null || memoryMaxBytes != maxBytes || !ttl.equals(memoryTtl)) {
      memory = new MemoryCacheStore(maxBytes, ttl);
      memoryMaxBytes = maxBytes;
      memoryTtl = ttl;
    }
    return memory;
  }
}
