package dev.warden.policies.pseudonym;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pseudonyms of one call: which placeholder stands for which real value. Made per call, filled
 * while the request is rewritten, read while the response is restored, then dropped with the call.
 *
 * <p>A placeholder is {@code <TYPE_hex>}, where {@code hex} is the start of the lowercase hex of
 * HMAC-SHA256(key, {@code type + '\0' + value}): 4 chars, or 6, 8, … up to 64 when a shorter one
 * is already taken in this vault by another value. So under one key the same value gets the same
 * placeholder in every call and every turn of a conversation (unless, rarely, another value of the
 * same call took its 4-char form first), two values of one call never share a placeholder, and
 * without the key a placeholder says nothing about its value.
 *
 * <p>Thread-safe and lock-free: any number of threads may write and read at once. Never prints a
 * value ({@link #toString()} shows the size only).
 */
public final class PseudonymVault {

  /** Hex chars of the shortest suffix. */
  static final int MIN_HEX = 4;
  private static final int MAX_HEX = 64;

  /** Digest of a (type, value) pair as at least 64 lowercase hex chars. */
  @FunctionalInterface
  interface Digest {
    String hex(String type, String value);
  }

  private final Digest digest;
  private final Map<String, String> valueByPlaceholder = new ConcurrentHashMap<>();
  /** Key: {@code type + '\0' + value}, which is unambiguous because a type has no NUL. */
  private final Map<String, String> placeholderByEntry = new ConcurrentHashMap<>();
  private final AtomicInteger maxPlaceholderLength = new AtomicInteger();

  /** An empty vault whose placeholders are derived with {@code key}. */
  public PseudonymVault(PseudonymKey key) {
    this(Objects.requireNonNull(key, "key")::digestHex);
  }

  /** For tests: a vault with a chosen digest, e.g. one that collides on purpose. */
  PseudonymVault(Digest digest) {
    this.digest = digest;
  }

  /**
   * The placeholder that stands for {@code value} of entity {@code type} in this call, made on
   * first use.
   *
   * @param type  entity type, {@code [A-Z0-9_]+}
   * @param value the real text, not null
   * @throws IllegalArgumentException when {@code type} is not {@code [A-Z0-9_]+}
   */
  public String placeholderFor(String type, String value) {
    checkType(type);
    Objects.requireNonNull(value, "value");
    String entry = type + '\0' + value;
    String known = placeholderByEntry.get(entry);
    if (known != null) {
      return known;
    }
    String hex = digest.hex(type, value);
    for (int n = MIN_HEX; n <= Math.min(MAX_HEX, hex.length()); n += 2) {
      String placeholder = "<" + type + '_' + hex.substring(0, n) + '>';
      // claiming the placeholder is the one atomic step: a writer of the same value that got
      // there first has made the same choice, a writer of another value sends this one further
      String holder = valueByPlaceholder.putIfAbsent(placeholder, value);
      if (holder == null || holder.equals(value)) {
        placeholderByEntry.put(entry, placeholder);
        maxPlaceholderLength.accumulateAndGet(placeholder.length(), Math::max);
        return placeholder;
      }
    }
    throw new IllegalStateException("no free placeholder for a " + type + " value: the digest repeats");
  }

  /** The real value behind {@code placeholder} (the whole {@code <TYPE_hex>}), or null if this call has none. */
  public String valueOf(String placeholder) {
    return placeholder == null ? null : valueByPlaceholder.get(placeholder);
  }

  /** True when no placeholder has been made: there is nothing to restore. */
  public boolean isEmpty() {
    return valueByPlaceholder.isEmpty();
  }

  /** How many placeholders this vault holds. */
  public int size() {
    return valueByPlaceholder.size();
  }

  /** The length of the longest placeholder made so far, {@code <} and {@code >} included; 0 when empty. */
  public int maxPlaceholderLength() {
    return maxPlaceholderLength.get();
  }

  private static void checkType(String type) {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("an entity type must be [A-Z0-9_]+");
    }
    for (int i = 0; i < type.length(); i++) {
      if (!isTypeChar(type.charAt(i))) {
        throw new IllegalArgumentException("an entity type must be [A-Z0-9_]+, not " + type);
      }
    }
  }

  static boolean isTypeChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  @Override
  public String toString() {
    return "PseudonymVault[" + size() + " placeholders]";
  }
}
