package dev.warden.policies.config;

import dev.warden.policies.cache.CacheKeyring;
import dev.warden.policies.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates the {@code cache} section: {@code enabled}, {@code ttl} ({@code 10m}),
 * {@code maxBytes} ({@code 64MB}), {@code keyring} ({@code env:NAME | file:/path}: base64 256-bit
 * keys, newest first), {@code partition} ({@code key | principal}), {@code store} ({@code memory} or
 * {@code redis://host:port[/db]}) and {@code when}
 * ({@code deterministic | always}). A missing or invalid keyring is an error: the cache never
 * runs unencrypted.
 */
final class CacheReader {

  private static final Set<String> KEYS = Set.of("enabled", "ttl", "maxBytes", "keyring", "partition", "store", "when");
  private static final List<String> PARTITIONS = List.of("key", "principal");
  private static final List<String> WHEN = List.of("deterministic", "always");

  private CacheReader() {}

  static CachePolicy read(YamlNode node, Function<String, String> environment, ErrorList errors) {
    YamlMap map = Fields.map(node, "cache", errors);
    if (map == null) {
      return CachePolicy.OFF;
    }
    Fields.checkKeys(map, "cache", KEYS, Set.of(), errors);
    boolean enabled = map.get("enabled") != null && Boolean.TRUE.equals(Fields.bool(map.get("enabled"), "cache.enabled", errors));
    Duration ttl = CachePolicy.OFF.ttl();
    if (map.get("ttl") != null) {
      String text = Fields.string(map.get("ttl"), "cache.ttl", errors);
      ttl = text == null ? null : Quantities.parseDuration(text);
      if (text != null && ttl == null) {
        errors.add(map.get("ttl"), "'cache.ttl' must be a duration such as 30s, 10m, 2h or 1d");
      }
    }
    long maxBytes = CachePolicy.OFF.maxBytes();
    if (map.get("maxBytes") != null) {
      YamlNode size = map.get("maxBytes");
      maxBytes = Quantities.size(size);
      if (maxBytes < 1 << 20) {
        errors.add(size, "'cache.maxBytes' must be at least 1MB, as bytes or with KB, MB or GB (e.g. 64MB)");
      }
    }
    URI redis = null;
    if (map.get("store") != null) {
      String store = Fields.string(map.get("store"), "cache.store", errors);
      if (store != null && store.startsWith("redis://")) {
        redis = redisUri(store);
        if (redis == null) {
          errors.add(map.get("store"), "'cache.store' must be redis://host:port or redis://host:port/db");
        }
      } else if (store != null && !store.equals("memory")) {
        errors.add(map.get("store"), "'cache.store' must be memory or redis://host:port[/db]");
      }
    }
    boolean byPrincipal = map.get("partition") != null
        && "principal".equals(Fields.oneOf(map.get("partition"), "cache.partition", PARTITIONS, Set.of(), errors));
    boolean always = map.get("when") != null
        && "always".equals(Fields.oneOf(map.get("when"), "cache.when", WHEN, Set.of(), errors));
    CacheKeyring keyring = null;
    YamlNode keyringNode = map.get("keyring");
    if (keyringNode == null) {
      if (enabled) {
        errors.add(map, "'cache.keyring' is required when the cache is enabled: entries are always encrypted");
      }
    } else {
      String spec = Fields.string(keyringNode, "cache.keyring", errors);
      try {
        keyring = spec == null ? null : CacheKeyring.parse(Secret.parse(spec, environment).value());
      } catch (IllegalArgumentException e) {
        errors.add(keyringNode, "'cache.keyring': " + e.getMessage());
      }
    }
    if (!enabled || keyring == null || ttl == null) {
      return CachePolicy.OFF;
    }
    return new CachePolicy(true, ttl, maxBytes, keyring, byPrincipal, always, redis);
  }

  /** {@code redis://host[:port][/db]} without credentials in it; null when it is not one. */
  private static URI redisUri(String text) {
    try {
      URI uri = new URI(text);
      String path = uri.getPath();
      boolean dbOk = path == null || path.isEmpty() || path.equals("/") || path.substring(1).matches("\\d{1,2}");
      return uri.getHost() != null && uri.getUserInfo() == null && uri.getQuery() == null && dbOk ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
