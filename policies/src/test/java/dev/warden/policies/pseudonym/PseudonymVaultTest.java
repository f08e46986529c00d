package dev.warden.policies.pseudonym;

import static dev.warden.policies.pseudonym.TestRecognizers.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymVaultTest {

  private static final PseudonymKey KEY = key(1);

  @Test
  void placeholderIsTheTypeAndTheFirstFourHexOfTheHmac() throws Exception {
    byte[] secret = new byte[32];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (7 * 31 + i);
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    String hex = HexFormat.of().formatHex(mac.doFinal("EMAIL\0jane@example.com".getBytes(StandardCharsets.UTF_8)));

    String placeholder = new PseudonymVault(key(7)).placeholderFor("EMAIL", "jane@example.com");

    assertThat(placeholder).isEqualTo("<EMAIL_" + hex.substring(0, 4) + ">").matches("<EMAIL_[0-9a-f]{4}>");
  }

  @Test
  void oneKeyGivesTheSamePlaceholderInEveryCall() {
    PseudonymVault turn1 = new PseudonymVault(KEY);
    PseudonymVault turn2 = new PseudonymVault(key(1));
    turn2.placeholderFor("PHONE", "+1 555 010 9999");
    for (String value : List.of("jane@example.com", "bob@example.org", "x@y.io")) {
      assertThat(turn2.placeholderFor("EMAIL", value)).isEqualTo(turn1.placeholderFor("EMAIL", value))
          .isEqualTo(turn1.placeholderFor("EMAIL", value));
    }
    assertThat(turn1.size()).isEqualTo(3);
  }

  @Test
  void anotherKeyGivesOtherPlaceholders() {
    PseudonymVault a = new PseudonymVault(key(1));
    PseudonymVault b = new PseudonymVault(key(2));
    for (int i = 0; i < 50; i++) {
      String value = "user" + i + "@example.com";
      assertThat(a.placeholderFor("EMAIL", value)).isNotEqualTo(b.placeholderFor("EMAIL", value));
    }
  }

  @Test
  void theTypeIsPartOfTheDigest() {
    PseudonymVault vault = new PseudonymVault(KEY);
    String asEmail = vault.placeholderFor("EMAIL", "4111");
    String asCard = vault.placeholderFor("CARD", "4111");
    assertThat(asEmail.substring("<EMAIL_".length())).isNotEqualTo(asCard.substring("<CARD_".length()));
    assertThat(vault.valueOf(asEmail)).isEqualTo("4111");
    assertThat(vault.valueOf(asCard)).isEqualTo("4111");
  }

  @Test
  void valueOfResolvesOnlyThisCallsPlaceholders() {
    PseudonymVault vault = new PseudonymVault(KEY);
    assertThat(vault.isEmpty()).isTrue();
    assertThat(vault.maxPlaceholderLength()).isZero();

    String jane = vault.placeholderFor("EMAIL", "jane@example.com");
    String ssn = vault.placeholderFor("US_SSN", "123-45-6789");

    assertThat(vault.isEmpty()).isFalse();
    assertThat(vault.valueOf(jane)).isEqualTo("jane@example.com");
    assertThat(vault.valueOf(ssn)).isEqualTo("123-45-6789");
    assertThat(vault.valueOf(jane.substring(0, jane.length() - 1))).isNull();
    assertThat(vault.valueOf("<EMAIL_0000>")).isNull();
    assertThat(vault.valueOf(null)).isNull();
    assertThat(new PseudonymVault(KEY).valueOf(jane)).isNull();
    assertThat(vault.maxPlaceholderLength()).isEqualTo(ssn.length());
  }

  @Test
  void aValueThatCollidesGetsALongerSuffix() {
    Map<String, String> digests = Map.of(
        "a", "abcd00" + "0".repeat(58),
        "b", "abcd11" + "0".repeat(58),
        "c", "abcd1122" + "0".repeat(56),
        "d", "abce" + "0".repeat(60));
    PseudonymVault vault = new PseudonymVault((type, value) -> digests.get(value));

    assertThat(vault.placeholderFor("T", "a")).isEqualTo("<T_abcd>");
    assertThat(vault.placeholderFor("T", "b")).isEqualTo("<T_abcd11>");
    assertThat(vault.placeholderFor("T", "c")).isEqualTo("<T_abcd1122>");
    assertThat(vault.placeholderFor("T", "d")).isEqualTo("<T_abce>");
    assertThat(vault.placeholderFor("T", "b")).isEqualTo("<T_abcd11>");
    assertThat(vault.valueOf("<T_abcd>")).isEqualTo("a");
    assertThat(vault.valueOf("<T_abcd11>")).isEqualTo("b");
    assertThat(vault.valueOf("<T_abcd1122>")).isEqualTo("c");
    assertThat(vault.maxPlaceholderLength()).isEqualTo("<T_abcd1122>".length());
  }

  @Test
  void aDigestThatRepeatsEntirelyIsAnError() {
    PseudonymVault vault = new PseudonymVault((type, value) -> "f".repeat(64));
    // 4, 6, ..., 64 hex: 31 placeholders, then none is left
    for (int i = 0; i < 31; i++) {
      assertThat(vault.placeholderFor("T", "v" + i)).isEqualTo("<T_" + "f".repeat(4 + 2 * i) + ">");
    }
    assertThatThrownBy(() -> vault.placeholderFor("T", "v31")).isInstanceOf(IllegalStateException.class);
    assertThat(vault.valueOf("<T_ffff>")).isEqualTo("v0");
    assertThat(vault.size()).isEqualTo(31);
  }

  @Test
  void realCollisionsAmongManyValuesAreResolved() {
    PseudonymVault vault = new PseudonymVault(KEY);
    Map<String, String> placeholders = new HashMap<>();
    int longer = 0;
    for (int i = 0; i < 5000; i++) {
      String value = "user" + i + "@example.com";
      String placeholder = vault.placeholderFor("EMAIL", value);
      String hex = placeholder.substring("<EMAIL_".length(), placeholder.length() - 1);
      assertThat(KEY.digestHex("EMAIL", value)).startsWith(hex);
      if (hex.length() > PseudonymVault.MIN_HEX) {
        longer++;
      } else {
        assertThat(new PseudonymVault(KEY).placeholderFor("EMAIL", value)).isEqualTo(placeholder);
      }
      placeholders.put(value, placeholder);
    }
    // 5000 values in 65536 four-hex suffixes: about 190 expected collisions
    assertThat(longer).isGreaterThan(50);
    assertThat(new HashSet<>(placeholders.values())).hasSize(5000);
    placeholders.forEach((value, placeholder) -> assertThat(vault.valueOf(placeholder)).isEqualTo(value));
    assertThat(vault.size()).isEqualTo(5000);
  }

  @Test
  void typeNamesAreUppercaseDigitsAndUnderscores() {
    PseudonymVault vault = new PseudonymVault(KEY);
    for (String bad : new String[] {"email", "", "E-MAIL", "<X>", "EMAIL ", "ÉMAIL", null}) {
      assertThatThrownBy(() -> vault.placeholderFor(bad, "x")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(vault.placeholderFor("EMPLOYEE_ID_2", "E-123456")).startsWith("<EMPLOYEE_ID_2_");
    assertThatThrownBy(() -> vault.placeholderFor("EMAIL", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toStringShowsNoValue() {
    PseudonymVault vault = new PseudonymVault(KEY);
    String placeholder = vault.placeholderFor("EMAIL", "jane@example.com");
    assertThat(vault.toString()).doesNotContain("jane").doesNotContain(placeholder).contains("1");
  }

  @Test
  void concurrentWritersAndReadersAgree() throws Exception {
    assertConcurrentWritersAgree(new PseudonymVault(KEY));
  }

  @Test
  void concurrentWritersAgreeWhenMostValuesCollide() throws Exception {
    // a tiny space: every value shares the first 4 hex, and the next 2 hex take only 4 values
    PseudonymVault vault = new PseudonymVault((type, value) -> {
      String hex = KEY.digestHex(type, value);
      return "0000" + (char) ('0' + (hex.charAt(0) & 3)) + "0" + hex.substring(6);
    });
    assertConcurrentWritersAgree(vault);
    assertThat(vault.maxPlaceholderLength()).isGreaterThan("<EMAIL_000000>".length());
  }

  @Test
  void simultaneousFirstWritersNeverShareAPlaceholder() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 300; round++) {
        // every value wants the same placeholders, in the same order
        PseudonymVault vault = new PseudonymVault((type, value) -> "0".repeat(64));
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<String[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String own = "value" + t;
          results.add(pool.submit(() -> {
            start.await();
            return new String[] {own, vault.placeholderFor("T", own), vault.placeholderFor("T", "shared")};
          }));
        }
        Set<String> placeholders = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (Future<String[]> result : results) {
          String[] r = result.get(60, TimeUnit.SECONDS);
          assertThat(vault.valueOf(r[1])).isEqualTo(r[0]);
          assertThat(vault.valueOf(r[2])).isEqualTo("shared");
          placeholders.add(r[1]);
          shared.add(r[2]);
        }
        assertThat(shared).hasSize(1);
        placeholders.addAll(shared);
        assertThat(placeholders).hasSize(threads + 1);
        assertThat(vault.size()).isEqualTo(threads + 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertConcurrentWritersAgree(PseudonymVault vault) throws Exception {
    int threads = 8;
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      values.add("person" + i + "@example.com");
    }
    CountDownLatch start = new CountDownLatch(1);
    Queue<String[]> handedOver = new ConcurrentLinkedQueue<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
    try {
      List<Future<Map<String, String>>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<String> order = new ArrayList<>(values);
        Collections.shuffle(order, new Random(t));
        writers.add(pool.submit(writer(vault, order, start, handedOver)));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(pool.submit(reader(vault, start, handedOver, writing)));
      }
      start.countDown();
      Map<String, String> first = writers.get(0).get(60, TimeUnit.SECONDS);
      for (Future<Map<String, String>> writer : writers) {
        assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(first);
      }
      writing.set(false);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isZero();
      }
      assertThat(new HashSet<>(first.values())).hasSize(values.size());
      assertThat(vault.size()).isEqualTo(values.size());
      first.forEach((value, placeholder) -> assertThat(vault.valueOf(placeholder)).isEqualTo(value));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Map<String, String>> writer(PseudonymVault vault, List<String> order,
      CountDownLatch start, Queue<String[]> handedOver) {
    return () -> {
      start.await();
      Map<String, String> seen = new HashMap<>();
      for (String value : order) {
        String placeholder = vault.placeholderFor("EMAIL", value);
        seen.put(value, placeholder);
        handedOver.add(new String[] {value, placeholder});
      }
      return seen;
    };
  }

  /** Resolves, on another thread, each placeholder a writer has handed over; counts wrong answers. */
  private static Callable<Integer> reader(PseudonymVault vault, CountDownLatch start, Queue<String[]> handedOver,
      AtomicBoolean writing) {
    return () -> {
      start.await();
      int wrong = 0;
      String[] pair;
      while ((pair = handedOver.poll()) != null || writing.get()) {
        if (pair != null && !pair[0].equals(vault.valueOf(pair[1]))) {
          wrong++;
        }
      }
      return wrong;
    };
  }
}
