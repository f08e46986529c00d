package dev.warden.policies.cache;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cache's keys, newest first: the newest seals new entries (AES-256-GCM, Google Tink), any of
 * them opens an entry sealed under it, and the newest also keys the HMACs that name entries. An
 * entry's name is {@code <partition tag>:<entry HMAC>}: the tag, a keyed hash of the partition alone,
 * lets a purge find a partition's entries without the store learning which partition it is. An
 * entry is {@code [1][key id: 4 bytes][Tink AES-GCM: nonce, ciphertext, tag]}, sealed with the
 * entry's name as associated data, so an entry moved to another name does not open. Immutable and
 * thread-safe.
 */
public final class CacheKeyring {

  private static final byte VERSION = 1;
  private static final int KEY_BYTES = 32;
  private static final int HEADER = 5;

  private static final int TAG_BYTES = 8;

  private record Key(byte[] id, AesGcmJce aead, byte[] tagKey) {}

  private final List<Key> keys;
  private final byte[] nameKey;

  private CacheKeyring(List<Key> keys, byte[] nameKey) {
    this.keys = keys;
    this.nameKey = nameKey;
  }

  /**
   * Reads a keyring: base64 256-bit keys, newest first, separated by commas or white space.
   *
   * @throws IllegalArgumentException with a message that never quotes a key, when there is none
   *     or one is not 32 bytes of base64
   */
  public static CacheKeyring parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the keyring holds no key");
    }
    List<Key> keys = new ArrayList<>();
    byte[] nameKey = null;
    int n = 0;
    for (String encoded : text.strip().split("[,\\s]+")) {
      n++;
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(encoded);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("key " + n + " of the keyring is not base64");
      }
      if (raw.length != KEY_BYTES) {
        throw new IllegalArgumentException("key " + n + " of the keyring is " + raw.length + " bytes; a key is 32 (256 bits)");
      }
      try {
        keys.add(new Key(idOf(raw), new AesGcmJce(raw), hmac(raw, "warden cache partition tags".getBytes(StandardCharsets.UTF_8))));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("key " + n + " of the keyring cannot be used for AES-256-GCM");
      }
      if (nameKey == null) {
        nameKey = hmac(raw, "warden cache entry names".getBytes(StandardCharsets.UTF_8));
      }
    }
    return new CacheKeyring(List.copyOf(keys), nameKey);
  }

  /**
   * The name of an entry: its partition's tag under the newest key, a colon, and the hex
   * HMAC-SHA256, under another key derived from the newest key, of the partition and the request.
   */
  public String name(byte[] canonicalRequest, String partition) {
    byte[] partitionBytes = partition.getBytes(StandardCharsets.UTF_8);
    // one Mac, keyed twice: looking a Mac up costs more than the two HMACs of a short request
    Mac mac = mac(keys.get(0).tagKey());
    String tag = HexFormat.of().formatHex(mac.doFinal(partitionBytes), 0, TAG_BYTES);
    rekey(mac, nameKey);
    mac.update(partitionBytes);
    mac.update((byte) 0);
    return tag + ':' + HexFormat.of().formatHex(mac.doFinal(canonicalRequest));
  }

  /**
   * The tags a partition's entries are named under, one per key of the ring (newest first): entries
   * named before a rotation carry an older key's tag until they expire, and a purge must find them too.
   */
  public List<String> partitionTags(String partition) {
    byte[] partitionBytes = partition.getBytes(StandardCharsets.UTF_8);
    List<String> tags = new ArrayList<>(keys.size());
    for (Key key : keys) {
      tags.add(tag(key.tagKey(), partitionBytes));
    }
    return tags;
  }

  /** 16 hex digits of HMAC-SHA256: 64 bits, so two partitions of one ring share a tag with negligible odds. */
  private static String tag(byte[] tagKey, byte[] partition) {
    return HexFormat.of().formatHex(mac(tagKey).doFinal(partition), 0, TAG_BYTES);
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      rekey(mac, key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  private static void rekey(Mac mac, byte[] key) {
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("an HMAC-SHA256 key of 32 bytes is always valid", e);
    }
  }

  /** Seals {@code plaintext} under the newest key, bound to the entry's {@code name}. */
  public byte[] seal(byte[] plaintext, String name) {
    Key newest = keys.get(0);
    try {
      byte[] sealed = newest.aead().encrypt(plaintext, name.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[HEADER + sealed.length];
      out[0] = VERSION;
      System.arraycopy(newest.id(), 0, out, 1, 4);
      System.arraycopy(sealed, 0, out, HEADER, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM sealing failed", e);
    }
  }

  /**
   * Opens an entry stored under {@code name}.
   *
   * @throws GeneralSecurityException when it was sealed under no key of this ring, under another
   *     name, or any byte of it changed
   */
  public byte[] open(byte[] sealed, String name) throws GeneralSecurityException {
    if (sealed.length < HEADER || sealed[0] != VERSION) {
      throw new GeneralSecurityException("not a sealed cache entry");
    }
    for (Key key : keys) {
      if (key.id()[0] == sealed[1] && key.id()[1] == sealed[2] && key.id()[2] == sealed[3] && key.id()[3] == sealed[4]) {
        byte[] body = new byte[sealed.length - HEADER];
        System.arraycopy(sealed, HEADER, body, 0, body.length);
        return key.aead().decrypt(body, name.getBytes(StandardCharsets.UTF_8));
      }
    }
    throw new GeneralSecurityException("sealed under a key the keyring no longer holds");
  }

  private static byte[] idOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return new byte[] {digest[0], digest[1], digest[2], digest[3]};
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    return mac(key).doFinal(data);
  }
}
