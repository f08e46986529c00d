package dev.warden.policies.cache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

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
  private static final int SCAN_PAGE = 1_000;
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

  /**
   * Deletes the partitions' entries: SCAN (never KEYS, which would stall Redis for every other
   * client) through {@code warden:cache:<tag>:*} a page at a time, UNLINK each page (Redis frees
   * the values in the background). Not subject to the back-off: an operator asked for it.
   */
  @Override
  public long purge(List<String> partitionTags) {
    long removed = 0;
    for (String tag : partitionTags) {
      ScanParams page = new ScanParams().match(key(tag + ":*")).count(SCAN_PAGE);
      byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
      do {
        ScanResult<byte[]> scanned = redis.scan(cursor, page);
        List<byte[]> keys = scanned.getResult();
        if (!keys.isEmpty()) {
          removed += redis.unlink(keys.toArray(new byte[0][]));
        }
        cursor = scanned.getCursorAsBytes();
      } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
    }
    return removed;
  }

  /** Closes the connections (a reload pointed the cache elsewhere). */
  public void close() {
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
