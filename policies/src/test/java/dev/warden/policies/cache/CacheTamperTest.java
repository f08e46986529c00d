package dev.warden.policies.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.exchange.Exchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory store's sealed entries, tampered with every way a store could hand them back: each
 * bit of every byte flipped, cut short at every length, extended, emptied, or another entry's
 * value moved under this name. Never served: each lookup is a miss that says the entry did not
 * open, and the untampered entry is still a hit afterwards.
 */
class CacheTamperTest {

  private static final Exchange CHAT = new Exchange("openai", "chat", "m", false, null, null, List.of());
  private static final byte[] ANSWER = utf8("{\"choices\":[{\"message\":{\"content\":\"forty-two\"}}]}");

  private final MemoryCacheStore store = new MemoryCacheStore(1 << 20, Duration.ofMinutes(1));
  private final ResponseCache cache = new ResponseCache(CacheKeyring.parse(CacheKeyringTest.newKey()), store, true);
  private final ResponseCache.Entry entry = cache.entryFor(CHAT, utf8("{\"model\":\"m\",\"messages\":[]}"), "key:a");

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyFlippedBitIsAMissThatSaysSo() {
    cache.store(entry, ANSWER);
    byte[] sealed = store.get(entry.name());
    int cases = 0;
    for (int position = 0; position < sealed.length; position++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = sealed.clone();
        tampered[position] ^= (byte) (1 << bit);
        assertRejected(tampered, "byte " + position + " bit " + bit);
        cases++;
      }
    }
    assertThat(cases).isEqualTo(sealed.length * 8);
    System.out.println("CacheTamperTest: " + cases + " flipped bits of a " + sealed.length + "-byte entry, none served");
    store.put(entry.name(), sealed);
    assertThat(cache.lookup(entry).hit()).isEqualTo(ANSWER);
  }

  @Test
  void aCutExtendedEmptiedOrMovedEntryIsAMiss() {
    cache.store(entry, ANSWER);
    byte[] sealed = store.get(entry.name());
    for (int length = 0; length < sealed.length; length++) {
      assertRejected(Arrays.copyOf(sealed, length), "cut to " + length + " bytes");
    }
    assertRejected(Arrays.copyOf(sealed, sealed.length + 1), "one byte added");
    ResponseCache.Entry other = cache.entryFor(CHAT, utf8("{\"model\":\"m\",\"messages\":[1]}"), "key:a");
    cache.store(other, utf8("{\"other\":true}"));
    assertRejected(store.get(other.name()), "another entry's value under this name");
    ResponseCache.Entry otherTenant = cache.entryFor(CHAT, utf8("{\"model\":\"m\",\"messages\":[]}"), "key:b");
    cache.store(otherTenant, utf8("{\"tenant\":\"b\"}"));
    assertRejected(store.get(otherTenant.name()), "the same request's entry of another partition");
  }

  private void assertRejected(byte[] tampered, String what) {
    store.put(entry.name(), tampered);
    ResponseCache.Lookup lookup = cache.lookup(entry);
    assertThat(lookup.hit()).as(what).isNull();
    assertThat(lookup.openFailed()).as(what).isTrue();
  }
}
