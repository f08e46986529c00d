package dev.warden.policies.config;

import dev.warden.policies.cache.CacheKeyring;
import java.net.URI;
import java.time.Duration;

/**
 * The validated {@code cache} section; {@link #OFF} unless {@code enabled: true} with a valid keyring.
 *
 * @param enabled        true when responses are cached
 * @param ttl            how long an entry lives
 * @param maxBytes       the most the stored entries may weigh together
 * @param keyring        the keys that seal entries, newest first
 * @param byPrincipal    {@code partition: principal}: entries are the caller's own, else the key scope's
 * @param anyTemperature {@code when: always}: chat is cached whatever its sampling settings
 * @param redis          {@code store: redis://host:port[/db]}, or null for {@code store: memory}
 * @param purge          {@code purge}: partitions a reload drops from the memory store, or null
 */
public record CachePolicy(boolean enabled, Duration ttl, long maxBytes, CacheKeyring keyring, boolean byPrincipal,
    boolean anyTemperature, URI redis, CachePurge purge) {

  public static final CachePolicy OFF = new CachePolicy(false, Duration.ofMinutes(10), 64L << 20, null, false, false, null, null);
}
