package dev.warden.policies.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How key scopes name an API key without keeping it: {@code "sha256:"} + lowercase hex SHA-256 of
 * the key's UTF-8 bytes. One definition for the policy (a scope's virtual key) and the wire hook
 * (the key a request presents), so the two always agree. Thread-safe.
 */
public final class ApiKeyFingerprint {

  private static final String PREFIX = "sha256:";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final MessageDigest SHA_256 = sha256();

  private ApiKeyFingerprint() {}

  /**
   * Fingerprints one key as given (no trimming).
   *
   * @return {@code "sha256:"} + 64 lowercase hex digits
   */
  public static String of(String key) {
    byte[] digest = digest().digest(key.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[PREFIX.length() + digest.length * 2];
    PREFIX.getChars(0, PREFIX.length(), out, 0);
    int j = PREFIX.length();
    for (byte b : digest) {
      out[j++] = HEX[(b >> 4) & 0xF];
      out[j++] = HEX[b & 0xF];
    }
    return new String(out);
  }

  private static MessageDigest digest() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
