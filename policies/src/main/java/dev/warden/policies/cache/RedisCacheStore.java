package dev.warden.policies.cache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * {@code store: redis://host:port[/db]}: the fleet tier, so replicas share their hits. Only sealed
 * bytes are sent, under {@code warden:cache:<name>}, with the entry's time to live. Redis must never
 * slow a call much or fail one: connecting, waiting for a pooled connection and each command are
 * bounded by {@value #TIMEOUT_MILLIS} ms, any failure is a miss (or a dropped write), and after a
 * failure Redis is left alone for {@value #BACKOFF_MILLIS} ms, so an outage costs one timeout per
 * back-off, not one per call.
 * Thread-safe.
 */
public final class RedisCacheStore implements CacheStore {

  static final int TIMEOUT_MILLIS = 250;
  static final long BACKOFF_MILLIS = 5_000;
  private static final byte[] PREFIX = "warden:cache:".getBytes(StandardCharsets.US_ASCII);

  private final JedisPooled redis;
  private final long ttlMillis;
  private final AtomicLong downUntil = new AtomicLong();

  public RedisCacheStore(URI uri, Duration ttl) {
    JedisClientConfig config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(TIMEOUT_MILLIS)
        .socketTimeoutMillis(TIMEOUT_MILLIS)
        .database(database(uri))
        .build();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    // waiting for a pooled connection is bounded too: with Redis frozen, callers would otherwise
    // queue for the pool's few connections, one command timeout after another
    pool.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
    this.redis = new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort()), config,
        pool);
    this.ttlMillis = ttl.toMillis();
  }

  private static int database(URI uri) {
    String path = uri.getPath();
    return path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
  }

  @Override
  public byte[] get(String name) {
    if (resting()) {
      return null;
    }
    try {
      return redis.get(key(name));
    } catch (RuntimeException e) {
      failed();
      return null;
    }
  }

  @Override
  public void put(String name, byte[] sealed) {
    if (resting()) {
      return;
    }
    try {
      redis.set(key(name), sealed, SetParams.setParams().px(ttlMillis));
    } catch (RuntimeException e) {
      failed();
    }
  }

  /** Closes the connections (a reload pointed the cache elsewhere). */
  void close() {
    redis.close();
  }

  private boolean resting() {
    return System.currentTimeMillis() < downUntil.get();
  }

  private void failed() {
    downUntil.set(System.currentTimeMillis() + BACKOFF_MILLIS);
  }

  private static byte[] key(String name) {
    byte[] suffix = name.getBytes(StandardCharsets.US_ASCII);
    byte[] key = new byte[PREFIX.length + suffix.length];
    System.arraycopy(PREFIX, 0, key, 0, PREFIX.length);
    System.arraycopy(suffix, 0, key, PREFIX.length, suffix.length);
    return key;
  }
}
