package dev.warden.policies.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code store: memory}: sealed entries in a Caffeine cache bounded by their total size
 * ({@code maxBytes}, weighed by their bytes) and by age ({@code ttl}). Counts what it evicts.
 * Thread-safe.
 */
public final class MemoryCacheStore implements CacheStore {

  private final Cache<String, byte[]> entries;
  private final LongAdder evictions = new LongAdder();

  public MemoryCacheStore(long maxBytes, Duration ttl) {
    this.entries = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String name, byte[] sealed) -> name.length() + sealed.length)
        .expireAfterWrite(ttl)
        .removalListener((String name, byte[] sealed, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
          if (cause.wasEvicted()) {
            evictions.increment();
          }
        })
        .executor(Runnable::run)
        .build();
  }

  @Override
  public byte[] get(String name) {
    return entries.getIfPresent(name);
  }

  @Override
  public void put(String name, byte[] sealed) {
    entries.put(name, sealed);
  }

  @Override
  public long purge(List<String> partitionTags) {
    long[] removed = {0};
    entries.asMap().keySet().removeIf(name -> {
      boolean inPurge = partitionTags.contains(name.substring(0, Math.max(0, name.indexOf(':'))));
      removed[0] += inPurge ? 1 : 0;
      return inPurge;
    });
    return removed[0];
  }

  /** Entries dropped for size or age so far. */
  public long evictions() {
    return evictions.sum();
  }
}
