package dev.warden.policies.config;

import dev.warden.policies.cache.CacheKeyring;
import dev.warden.policies.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates the {@code cache} section: {@code enabled}, {@code ttl} ({@code 10m}),
 * {@code maxBytes} ({@code 64MB}), {@code keyring} ({@code env:NAME | file:/path}: base64 256-bit
 * keys, newest first), {@code partition} ({@code key | principal}), {@code store} ({@code memory} or
 * {@code redis://host:port[/db]}), {@code when} ({@code deterministic | always}) and {@code purge}
 * ({@code id}, {@code partitions}). A missing or invalid keyring is an error: the cache never runs
 * unencrypted.
 */
final class CacheReader {

  private static final Set<String> KEYS = Set.of("enabled", "ttl", "maxBytes", "keyring", "partition", "store", "when",
      "purge");
  private static final Set<String> PURGE_KEYS = Set.of("id", "partitions");
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
    boolean redisStore = false;
    if (map.get("store") != null) {
      String store = Fields.string(map.get("store"), "cache.store", errors);
      redisStore = store != null && store.startsWith("redis://");
      if (redisStore) {
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
    CachePurge purge = map.get("purge") == null ? null : purge(map.get("purge"), byPrincipal, redisStore, errors);
    if (!enabled || keyring == null || ttl == null) {
      return CachePolicy.OFF;
    }
    return new CachePolicy(true, ttl, maxBytes, keyring, byPrincipal, always, redis, purge);
  }

  /**
   * {@code purge: {id, partitions: [key:<scope id> | principal:<name>, ...]}}. With a Redis store it is
   * an error: each replica would purge the shared store at its own reload, racing the others'
   * writes; the {@code cache purge} command does it once, from one place, and says how many it removed.
   */
  private static CachePurge purge(YamlNode node, boolean byPrincipal, boolean redis, ErrorList errors) {
    YamlMap map = Fields.map(node, "cache.purge", errors);
    if (map == null) {
      return null;
    }
    if (redis) {
      errors.add(node, "'cache.purge' empties the memory store; purge a Redis store with "
          + "'java -jar warden-agent.jar cache purge' (see README, Incident response)");
      return null;
    }
    Fields.checkKeys(map, "cache.purge", PURGE_KEYS, Set.of(), errors);
    String id = null;
    if (map.get("id") == null) {
      errors.add(map, "'cache.purge.id' is required: a reload purges once per id");
    } else {
      id = Fields.string(map.get("id"), "cache.purge.id", errors);
      if (id != null && id.isBlank()) {
        errors.add(map.get("id"), "'cache.purge.id' must not be empty");
        id = null;
      }
    }
    if (map.get("partitions") == null) {
      errors.add(map, "'cache.purge.partitions' is required: the partitions whose entries a reload drops");
      return null;
    }
    String kind = byPrincipal ? "principal:" : "key:";
    String form = kind + (byPrincipal ? "<principal>" : "<scope id>");
    List<YamlScalar> items = Fields.strings(map.get("partitions"), "cache.purge.partitions",
        "list the partitions to purge, as " + form, errors);
    if (id == null || items == null) {
      return null;
    }
    List<String> partitions = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YamlScalar item = items.get(i);
      if (item == null) {
        continue;
      }
      String partition = item.text();
      if (!partition.startsWith(kind) || partition.length() == kind.length()) {
        errors.add(item, "'cache.purge.partitions[" + i + "]' must be " + form + ": the cache is partitioned by "
            + (byPrincipal ? "principal" : "key scope") + " (cache.partition)");
      } else {
        partitions.add(partition);
      }
    }
    return new CachePurge(id, List.copyOf(partitions));
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
