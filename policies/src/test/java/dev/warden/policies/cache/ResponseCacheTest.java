package dev.warden.policies.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.exchange.Exchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

  private final MemoryCacheStore store = new MemoryCacheStore(1 << 20, Duration.ofMinutes(1));
  private final ResponseCache cache = new ResponseCache(CacheKeyring.parse(CacheKeyringTest.newKey()), store, false);

  private static final Exchange CHAT = exchange("openai", "chat", "m", false);
  private static final Exchange EMBEDDINGS = exchange("openai", "embeddings", "e", false);

  static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Exchange exchange(String provider, String operation, String model, boolean stream) {
    return new Exchange(provider, operation, model, stream, null, null, List.of());
  }

  @Test
  void theCanonicalFormIgnoresMemberOrderAndWhiteSpace() {
    assertThat(CanonicalRequest.of(json("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0}")))
        .isEqualTo(CanonicalRequest.of(json("{ \"temperature\": 0, \"messages\": [ {\"content\": \"hi\", \"role\": \"user\"} ], \"model\": \"m\" }")));
    assertThat(CanonicalRequest.of(json("{\"a\":[1,2]}"))).isNotEqualTo(CanonicalRequest.of(json("{\"a\":[2,1]}")));
    assertThat(CanonicalRequest.of(json("[1]"))).isNull();
  }

  @Test
  void deterministicChatAndEmbeddingsAreCachedAndStreamsApart() {
    assertThat(cache.entryFor(CHAT, json("{\"model\":\"m\",\"temperature\":0}"), "key:a")).isNotNull();
    assertThat(cache.entryFor(CHAT, json("{\"model\":\"m\",\"temperature\":0.7}"), "key:a")).isNull();
    assertThat(cache.entryFor(CHAT, json("{\"model\":\"m\"}"), "key:a")).as("the provider's default samples").isNull();
    assertThat(cache.entryFor(EMBEDDINGS, json("{\"model\":\"e\",\"input\":\"x\"}"), "key:a")).isNotNull();
    assertThat(cache.entryFor(exchange("openai", "chat", "m", true), json("{\"model\":\"m\",\"temperature\":0,\"stream\":true}"), "key:a"))
        .as("a stream names an entry of its own").isNotNull()
        .isNotEqualTo(cache.entryFor(CHAT, json("{\"model\":\"m\",\"temperature\":0}"), "key:a"));
    ResponseCache always = new ResponseCache(CacheKeyring.parse(CacheKeyringTest.newKey()), store, true);
    assertThat(always.entryFor(CHAT, json("{\"model\":\"m\"}"), "key:a")).isNotNull();
  }

  @Test
  void geminiNamesModelAndStreamingInThePathAndTemperatureInGenerationConfig() {
    byte[] body = json("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"temperature\":0}}");
    ResponseCache.Entry flash = cache.entryFor(exchange("gemini", "chat", "gemini-2.5-flash", false), body, "key:a");
    assertThat(flash).isNotNull()
        .isNotEqualTo(cache.entryFor(exchange("gemini", "chat", "gemini-2.5-pro", false), body, "key:a"))
        .isNotEqualTo(cache.entryFor(exchange("gemini", "chat", "gemini-2.5-flash", true), body, "key:a"))
        .isNotEqualTo(cache.entryFor(exchange("gemini-gateway", "chat", "gemini-2.5-flash", false), body, "key:a"))
        .isEqualTo(cache.entryFor(exchange("gemini", "chat", "gemini-2.5-flash", false), body, "key:a"));
    assertThat(cache.entryFor(exchange("gemini", "chat", "gemini-2.5-flash", false),
        json("{\"contents\":[],\"generationConfig\":{\"temperature\":1}}"), "key:a")).isNull();
  }

  @Test
  void aStoredResponseIsAHitInItsPartitionOnly() {
    byte[] request = json("{\"model\":\"m\",\"temperature\":0}");
    ResponseCache.Entry a = cache.entryFor(CHAT, request, "key:a");
    assertThat(cache.lookup(a).hit()).isNull();
    cache.store(a, json("{\"answer\":42}"));
    assertThat(cache.lookup(a).hit()).isEqualTo(json("{\"answer\":42}"));
    assertThat(cache.lookup(cache.entryFor(CHAT, request, "key:b")).hit()).isNull();
  }

  @Test
  void aTamperedEntryIsAMissThatSaysSo() {
    ResponseCache.Entry a = cache.entryFor(CHAT, json("{\"model\":\"m\",\"temperature\":0}"), "key:a");
    cache.store(a, json("{\"answer\":42}"));
    byte[] sealed = store.get(a.name());
    sealed[sealed.length - 1] ^= 1;
    store.put(a.name(), sealed);
    ResponseCache.Lookup lookup = cache.lookup(a);
    assertThat(lookup.hit()).isNull();
    assertThat(lookup.openFailed()).isTrue();
  }

  @Test
  void aPurgeRemovesItsPartitionsEntriesUnderEveryKeyOfTheRingAndNoOthers() {
    String older = CacheKeyringTest.newKey();
    ResponseCache before = new ResponseCache(CacheKeyring.parse(older), store, false);
    ResponseCache rotated = new ResponseCache(CacheKeyring.parse(CacheKeyringTest.newKey() + "," + older), store, false);
    byte[] one = json("{\"model\":\"m\",\"temperature\":0,\"n\":1}");
    byte[] two = json("{\"model\":\"m\",\"temperature\":0,\"n\":2}");
    before.store(before.entryFor(CHAT, one, "key:a"), json("{\"answer\":1}"));
    rotated.store(rotated.entryFor(CHAT, two, "key:a"), json("{\"answer\":2}"));
    rotated.store(rotated.entryFor(CHAT, one, "key:b"), json("{\"answer\":3}"));
    rotated.store(rotated.entryFor(CHAT, one, "principal:a"), json("{\"answer\":4}"));

    assertThat(rotated.purge(List.of("key:a"))).as("one entry named before the rotation, one after").isEqualTo(2);
    assertThat(rotated.lookup(before.entryFor(CHAT, one, "key:a")).hit()).isNull();
    assertThat(rotated.lookup(rotated.entryFor(CHAT, two, "key:a")).hit()).isNull();
    assertThat(rotated.lookup(rotated.entryFor(CHAT, one, "key:b")).hit()).isEqualTo(json("{\"answer\":3}"));
    assertThat(rotated.lookup(rotated.entryFor(CHAT, one, "principal:a")).hit()).isEqualTo(json("{\"answer\":4}"));
    assertThat(rotated.purge(List.of("key:a"))).as("nothing left to purge").isZero();
    assertThat(rotated.purge(List.of("key:b", "principal:a"))).isEqualTo(2);
  }

  @Test
  void anEntryMovedToAnotherPartitionsTagDoesNotOpen() {
    ResponseCache.Entry a = cache.entryFor(CHAT, json("{\"model\":\"m\",\"temperature\":0}"), "key:a");
    ResponseCache.Entry b = cache.entryFor(CHAT, json("{\"model\":\"m\",\"temperature\":0}"), "key:b");
    cache.store(a, json("{\"answer\":42}"));
    String hmac = a.name().substring(a.name().indexOf(':'));
    String movedName = b.name().substring(0, b.name().indexOf(':')) + hmac;
    store.put(movedName, store.get(a.name()));
    ResponseCache.Lookup moved = cache.lookup(new ResponseCache.Entry(movedName));
    assertThat(moved.hit()).isNull();
    assertThat(moved.openFailed()).isTrue();
  }
}
