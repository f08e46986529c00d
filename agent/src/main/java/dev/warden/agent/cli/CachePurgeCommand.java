package dev.warden.agent.cli;

import dev.warden.policies.cache.CacheKeyring;
import dev.warden.policies.cache.RedisCacheStore;
import dev.warden.policies.cache.ResponseCache;
import dev.warden.policies.secret.Secret;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cache purge --store redis://host:port[/db] --keyring env:NAME|file:/path (--key-scope ID |
 * --principal NAME)...}: deletes those partitions' entries from a Redis cache store, under every key
 * of the ring (entries named before a rotation too), and prints how many it removed. Exit 0 when
 * done, 64 for wrong arguments or an unusable keyring, 1 when Redis failed (some entries may remain:
 * run it again).
 */
final class CachePurgeCommand {

  static final int FAILED = 1;

  private CachePurgeCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    URI store = null;
    String keyring = null;
    List<String> partitions = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--store" -> store = redisUri(value);
        case "--keyring" -> keyring = value;
        case "--key-scope" -> partitions.add("key:" + value);
        case "--principal" -> partitions.add("principal:" + value);
        default -> {
          return usage(err, "unknown option " + args[i]);
        }
      }
    }
    if (args.length % 2 != 0 || store == null || keyring == null || partitions.isEmpty()) {
      return usage(err, "cache purge needs --store redis://host:port[/db], --keyring and at least one --key-scope or --principal");
    }
    CacheKeyring ring;
    try {
      ring = CacheKeyring.parse(Secret.parse(keyring, System::getenv).value());
    } catch (IllegalArgumentException e) {
      return usage(err, "--keyring: " + e.getMessage());
    }
    RedisCacheStore redis = new RedisCacheStore(store, Duration.ofMinutes(1));
    try {
      long removed = new ResponseCache(ring, redis, false).purge(partitions);
      out.println("removed " + removed + " entries of " + partitions.size() + " partition(s) from " + store);
      return WardenCli.OK;
    } catch (RuntimeException e) {
      err.println("Redis at " + store + " failed (" + e.getClass().getSimpleName() + "); some entries may remain: run it again");
      return FAILED;
    } finally {
      redis.close();
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    return WardenCli.USAGE;
  }

  /** {@code redis://host[:port][/db]}, or null when the text is not one. */
  private static URI redisUri(String text) {
    try {
      URI uri = new URI(text);
      String path = uri.getPath();
      boolean dbOk = path == null || path.isEmpty() || path.equals("/") || path.substring(1).matches("\\d{1,2}");
      return "redis".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null && dbOk ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
