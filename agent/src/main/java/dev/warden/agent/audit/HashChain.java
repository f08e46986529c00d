package dev.warden.agent.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash of one audit record: {@code "sha256:"} + hex HMAC-SHA256 under the audit key of the
 * record's JSON text without its {@code hash} member (its {@code prev} included), or plain SHA-256
 * when no key is set. Thread-safe.
 */
public final class HashChain {

  /** The {@code prev} of the first record of a chain. */
  public static final String GENESIS = "sha256:" + "0".repeat(64);

  private final byte[] key;

  /** @param key the audit key's bytes, or null for plain SHA-256 */
  public HashChain(byte[] key) {
    this.key = key == null ? null : key.clone();
  }

  /** @param key the audit key as the policy gives it (its UTF-8 bytes are the HMAC key), or null */
  public static HashChain of(String key) {
    return new HashChain(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
  }

  public String hash(String recordWithoutHash) {
    byte[] text = recordWithoutHash.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest;
      if (key == null) {
        digest = MessageDigest.getInstance("SHA-256").digest(text);
      } else {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        digest = mac.doFinal(text);
      }
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has SHA-256 and HmacSHA256", e);
    }
  }

  /** Whether records are keyed (HMAC) rather than plainly hashed. */
  public boolean keyed() {
    return key != null;
  }
}
