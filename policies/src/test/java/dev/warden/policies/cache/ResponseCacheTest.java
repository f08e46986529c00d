package dev.warden.policies.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

  private final MemoryCacheStore store = new MemoryCacheStore(1 << 20, Duration.ofMinutes(1));
  private final ResponseCache cache = new ResponseCache(CacheKeyring.parse(CacheKeyringTest.newKey()), store, false);

  static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
    assertThat(cache.entryFor("chat", json("{\"model\":\"m\",\"temperature\":0}"), "key:a")).isNotNull();
    assertThat(cache.entryFor("chat", json("{\"model\":\"m\",\"temperature\":0.7}"), "key:a")).isNull();
    assertThat(cache.entryFor("chat", json("{\"model\":\"m\"}"), "key:a")).as("the provider's default samples").isNull();
    assertThat(cache.entryFor("embeddings", json("{\"model\":\"e\",\"input\":\"x\"}"), "key:a")).isNotNull();
    assertThat(cache.entryFor("chat", json("{\"model\":\"m\",\"temperature\":0,\"stream\":true}"), "key:a"))
        .as("a stream names an entry of its own").isNotNull()
        .isNotEqualTo(cache.entryFor("chat", json("{\"model\":\"m\",\"temperature\":0}"), "key:a"));
    ResponseCache always = new ResponseCache(CacheKeyring.parse(CacheKeyringTest.newKey()), store, true);
    assertThat(always.entryFor("chat", json("{\"model\":\"m\"}"), "key:a")).isNotNull();
  }

  @Test
  void aStoredResponseIsAHitInItsPartitionOnly() {
    byte[] request = json("{\"model\":\"m\",\"temperature\":0}");
    ResponseCache.Entry a = cache.entryFor("chat", request, "key:a");
    assertThat(cache.lookup(a).hit()).isNull();
    cache.store(a, json("{\"answer\":42}"));
    assertThat(cache.lookup(a).hit()).isEqualTo(json("{\"answer\":42}"));
    assertThat(cache.lookup(cache.entryFor("chat", request, "key:b")).hit()).isNull();
  }

  @Test
  void aTamperedEntryIsAMissThatSaysSo() {
    ResponseCache.Entry a = cache.entryFor("chat", json("{\"model\":\"m\",\"temperature\":0}"), "key:a");
    cache.store(a, json("{\"answer\":42}"));
    byte[] sealed = store.get(a.name());
    sealed[sealed.length - 1] ^= 1;
    store.put(a.name(), sealed);
    ResponseCache.Lookup lookup = cache.lookup(a);
    assertThat(lookup.hit()).isNull();
    assertThat(lookup.openFailed()).isTrue();
  }
}
