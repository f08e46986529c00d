package dev.warden.policies.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind pseudonyms: an HMAC-SHA256 key. Whoever holds it can test a guessed value
 * against a placeholder, so it never leaves the process and is never printed ({@link #toString()}
 * hides it). Immutable and thread-safe.
 */
public final class PseudonymKey {

  /** The smallest key accepted by {@link #of(byte[])}, in bytes (128 bits). */
  public static final int MIN_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final int RANDOM_BYTES = 32;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SecretKeySpec spec;
  /** Initialised once, never updated: each digest works on a clone. */
  private final Mac prototype;

  private PseudonymKey(byte[] key) {
    this.spec = new SecretKeySpec(key, ALGORITHM);
    this.prototype = newMac(spec);
  }

  /** A new key of 32 bytes from {@link SecureRandom}. */
  public static PseudonymKey random() {
    byte[] key = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      return new PseudonymKey(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * A key with the given bytes, copied (later changes to the array do not affect the key).
   *
   * @throws IllegalArgumentException when the key is shorter than {@link #MIN_BYTES}
   */
  public static PseudonymKey of(byte[] key) {
    if (key == null || key.length < MIN_BYTES) {
      throw new IllegalArgumentException("a pseudonym key needs at least " + MIN_BYTES + " bytes");
    }
    return new PseudonymKey(key.clone());
  }

  /** Lowercase hex of HMAC-SHA256(key, UTF-8 of {@code type + '\0' + value}): 64 chars. */
  String digestHex(String type, String value) {
    byte[] mac = mac().doFinal((type + '\0' + value).getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[mac.length * 2];
    for (int i = 0; i < mac.length; i++) {
      hex[2 * i] = HEX[(mac[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[mac[i] & 0xf];
    }
    return new String(hex);
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newMac(spec);
    }
  }

  private static Mac newMac(SecretKeySpec spec) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(spec);
      return mac;
    } catch (GeneralSecurityException e) {
      // every Java platform must provide HmacSHA256
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "PseudonymKey[HmacSHA256, hidden]";
  }
}
