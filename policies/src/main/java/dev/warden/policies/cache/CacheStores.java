package dev.warden.policies.cache;

import java.net.URI;
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

  private static RedisCacheStore redis;
  private static URI redisUri;
  private static Duration redisTtl;

  /** The Redis store for {@code uri}: the current one, or a new one when the address or ttl changed. */
  public static synchronized RedisCacheStore redis(URI uri, Duration ttl) {
    if (redis == null || !uri.equals(redisUri) || !ttl.equals(redisTtl)) {
      if (redis != null) {
        redis.close();
      }
      redis = new RedisCacheStore(uri, ttl);
      redisUri = uri;
      redisTtl = ttl;
    }
    return redis;
  }

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
