package dev.warden.policies.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.policies.exchange.Exchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The encrypted response cache of one policy: names a cacheable request's entry (HMAC of its
 * canonical form and its partition), opens a hit, seals what a miss brought. A chat request is
 * cacheable when its sampling is deterministic ({@code temperature: 0}) unless the policy caches
 * every chat; an embeddings request always is. A streamed request's body says so ({@code stream:
 * true}), so it names an entry of its own, which holds the stream's events. Thread-safe.
 */
public final class ResponseCache {

  /** The name of a cacheable request's entry. */
  public record Entry(String name) {}

  /** What a lookup found: the plaintext of a hit, or a miss, with whether a stored entry failed to open. */
  public record Lookup(byte[] hit, boolean openFailed) {}

  private final CacheKeyring keyring;
  private final CacheStore store;
  private final boolean anyTemperature;

  /** @param anyTemperature true to cache chat whatever its sampling settings ({@code when: always}) */
  public ResponseCache(CacheKeyring keyring, CacheStore store, boolean anyTemperature) {
    this.keyring = keyring;
    this.store = store;
    this.anyTemperature = anyTemperature;
  }

  /**
   * The entry of a request, or null when it is not cacheable.
   *
   * @param exchange  the decoded request: its provider, operation, model and stream flag name the entry
   *     too, since a path may carry them (Gemini's {@code /models/{model}:streamGenerateContent})
   * @param body      the request as it is sent (after every rewrite, so no raw PII names an entry)
   * @param partition who may read the entry: a key scope's or a principal's partition
   */
  public Entry entryFor(Exchange exchange, byte[] body, String partition) {
    String operation = exchange.operation();
    if (!("chat".equals(operation) || "embeddings".equals(operation))) {
      return null;
    }
    JsonNode root = CanonicalRequest.parse(body);
    if (root == null || ("chat".equals(operation) && !anyTemperature && !deterministic(root))) {
      return null;
    }
    return new Entry(keyring.name(named(exchange, CanonicalRequest.of(root)), partition));
  }

  /** Provider, operation, model and stream flag, each ended by a NUL, then the canonical body. */
  private static byte[] named(Exchange exchange, byte[] canonical) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(canonical.length + 64);
    for (String field : new String[] {exchange.provider(), exchange.operation(), exchange.model(),
        exchange.stream() ? "stream" : "whole"}) {
      out.writeBytes(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    out.writeBytes(canonical);
    return out.toByteArray();
  }

  private static boolean deterministic(JsonNode request) {
    JsonNode temperature = request.path("temperature");
    if (temperature.isMissingNode()) {
      temperature = request.path("generationConfig").path("temperature");
    }
    return temperature.isNumber() && temperature.doubleValue() == 0;
  }

  /** Looks the entry up and opens it; a tampered, foreign or undecryptable entry is a miss. */
  public Lookup lookup(Entry entry) {
    byte[] sealed = store.get(entry.name());
    if (sealed == null) {
      return new Lookup(null, false);
    }
    try {
      return new Lookup(keyring.open(sealed, entry.name()), false);
    } catch (GeneralSecurityException e) {
      return new Lookup(null, true);
    }
  }

  /**
   * Removes the entries of these partitions ({@code key:<scope id>}, {@code principal:<name>}),
   * whichever key of the ring named them; how many it removed.
   *
   * @throws RuntimeException when the store fails
   */
  public long purge(List<String> partitions) {
    List<String> tags = new ArrayList<>();
    for (String partition : partitions) {
      tags.addAll(keyring.partitionTags(partition));
    }
    return store.purge(tags);
  }

  /** Seals and stores the response a miss brought. */
  public void store(Entry entry, byte[] response) {
    store.put(entry.name(), keyring.seal(response, entry.name()));
  }
}
