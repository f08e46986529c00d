package dev.warden.policies.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a scan found in the history of recent requests. A chat request sends the whole
 * conversation again with every turn, so without this a conversation of n turns scans its first
 * message n times; with it, twice: as the new message, and the first time it comes back as
 * history. Only history (a part before a request's last) is remembered: a request's new text may
 * never come again, and keeping it would cost a one-shot call its retention for nothing.
 *
 * <p>It holds prompts, so it forgets all at once when it has held {@link #MAX_CHARS} or is
 * {@link #KEEP_NANOS} old; a conversation then has its history scanned once more. A plain map
 * rather than Caffeine: building a Caffeine cache costs a cold JVM about 40 ms. Thread-safe.
 */
final class RecentScans<V> {

  /** Shorter texts scan in about a microsecond; they are not worth an entry. */
  static final int MIN_CHARS = 64;
  /** About 1 MB of strings and entries; one text may take at most a quarter. */
  static final long MAX_CHARS = 1 << 19;
  static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(5);
  /** What an entry costs beside its chars, counted as chars. */
  private static final int ENTRY_CHARS = 64;
  private static final int SAMPLES = 32;

  private final LongSupplier clock;
  private volatile Generation<V> current;

  RecentScans() {
    this(System::nanoTime);
  }

  RecentScans(LongSupplier clock) {
    this.clock = clock;
    this.current = new Generation<>(clock.getAsLong());
  }

  /**
   * What {@code scanner} finds in {@code text}, a part of a request's history; remembered from an
   * earlier request when it can be. {@code indirect} (tool content) is remembered apart from the
   * same text in another role.
   */
  V scanHistory(String text, boolean indirect, Function<String, V> scanner) {
    if (text.length() < MIN_CHARS || text.length() > MAX_CHARS / 4) {
      return scanner.apply(text);
    }
    Key key = new Key(text, indirect);
    Generation<V> generation = generation();
    V seen = generation.found.get(key);
    if (seen != null) {
      return seen;
    }
    V found = scanner.apply(text);
    int weight = text.length() + ENTRY_CHARS;
    if (generation.chars.addAndGet(weight) > MAX_CHARS) {
      generation = new Generation<>(clock.getAsLong());
      current = generation;
      generation.chars.addAndGet(weight);
    }
    generation.found.putIfAbsent(key, found);
    return found;
  }

  private Generation<V> generation() {
    Generation<V> generation = current;
    long now = clock.getAsLong();
    if (now - generation.born > KEEP_NANOS) {
      generation = new Generation<>(now);
      current = generation;
    }
    return generation;
  }

  /** Texts remembered together, forgotten together. */
  private static final class Generation<V> {
    final long born;
    final ConcurrentHashMap<Key, V> found = new ConcurrentHashMap<>();
    final AtomicLong chars = new AtomicLong();

    Generation(long born) {
      this.born = born;
    }
  }

  /**
   * A text and its role. Its hash reads {@value #SAMPLES} chars spread over the text and its
   * length: {@code String.hashCode} reads every char, which before JDK 21 costs about a tenth of a
   * scan; {@code equals} decides.
   */
  private static final class Key {
    final String text;
    final boolean indirect;
    final int hash;

    Key(String text, boolean indirect) {
      this.text = text;
      this.indirect = indirect;
      int n = text.length();
      int h = indirect ? n : ~n;
      for (int i = 0; i < SAMPLES; i++) {
        h = 31 * h + text.charAt((int) ((long) i * (n - 1) / (SAMPLES - 1)));
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.indirect == indirect && k.text.equals(text);
    }
  }
}
