package dev.warden.policies.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheKeyringTest {

  static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static final byte[] RESPONSE = "{\"choices\":[{\"message\":{\"content\":\"Paris\"}}]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealedEntryOpensUnderItsNameAndHoldsNoPlaintext() throws GeneralSecurityException {
    CacheKeyring ring = CacheKeyring.parse(newKey());
    byte[] sealed = ring.seal(RESPONSE, "entry-a");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Paris");
    assertThat(ring.open(sealed, "entry-a")).isEqualTo(RESPONSE);
    assertThat(ring.seal(RESPONSE, "entry-a")).as("a fresh nonce each time").isNotEqualTo(sealed);
  }

  @Test
  void anEntryMovedToAnotherNameDoesNotOpen() {
    CacheKeyring ring = CacheKeyring.parse(newKey());
    byte[] sealed = ring.seal(RESPONSE, "entry-a");
    assertThatThrownBy(() -> ring.open(sealed, "entry-b")).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void flippingAnyByteIsRejected() {
    CacheKeyring ring = CacheKeyring.parse(newKey());
    byte[] sealed = ring.seal(RESPONSE, "entry-a");
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> ring.open(tampered, "entry-a")).as("byte %d", i).isInstanceOf(GeneralSecurityException.class);
    }
  }

  @Test
  void afterRotationOlderKeysStillOpenAndTheNewestSeals() throws GeneralSecurityException {
    String old = newKey();
    String fresh = newKey();
    byte[] sealedOld = CacheKeyring.parse(old).seal(RESPONSE, "entry-a");
    CacheKeyring rotated = CacheKeyring.parse(fresh + "\n" + old);
    assertThat(rotated.open(sealedOld, "entry-a")).isEqualTo(RESPONSE);
    byte[] sealedNew = rotated.seal(RESPONSE, "entry-a");
    assertThatThrownBy(() -> CacheKeyring.parse(old).open(sealedNew, "entry-a")).isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> CacheKeyring.parse(newKey()).open(sealedOld, "entry-a"))
        .as("a key dropped from the ring").isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void namesDependOnThePartitionAndTheKey() {
    CacheKeyring ring = CacheKeyring.parse(newKey());
    byte[] request = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(ring.name(request, "key:a")).isEqualTo(ring.name(request, "key:a")).matches("[0-9a-f]{16}:[0-9a-f]{64}")
        .isNotEqualTo(ring.name(request, "key:b"));
    assertThat(CacheKeyring.parse(newKey()).name(request, "key:a")).isNotEqualTo(ring.name(request, "key:a"));
  }

  @Test
  void aNameStartsWithItsPartitionsTagUnderTheNewestKeyAndEveryKeyTagsThePartition() {
    String older = newKey();
    CacheKeyring ring = CacheKeyring.parse(older);
    CacheKeyring rotated = CacheKeyring.parse(newKey() + "," + older);
    byte[] request = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    List<String> tags = rotated.partitionTags("key:a");
    assertThat(tags).hasSize(2).doesNotHaveDuplicates();
    assertThat(rotated.name(request, "key:a")).startsWith(tags.get(0) + ":");
    assertThat(ring.name(request, "key:a")).as("named before the rotation").startsWith(tags.get(1) + ":");
    assertThat(ring.name(request, "key:a")).doesNotContain("key:a");
    assertThat(ring.name(request, "key:b").substring(0, 17)).isNotEqualTo(ring.name(request, "key:a").substring(0, 17));
    assertThat(ring.name("{}".getBytes(StandardCharsets.UTF_8), "key:a").substring(0, 17))
        .as("one tag for every request of a partition").isEqualTo(ring.name(request, "key:a").substring(0, 17));
  }

  @Test
  void badKeyringsSayWhichKeyWithoutQuotingIt() {
    assertThatThrownBy(() -> CacheKeyring.parse(" ")).hasMessage("the keyring holds no key");
    assertThatThrownBy(() -> CacheKeyring.parse(newKey() + ",not*base64")).hasMessage("key 2 of the keyring is not base64");
    assertThatThrownBy(() -> CacheKeyring.parse(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessage("key 1 of the keyring is 16 bytes; a key is 32 (256 bits)");
  }
}
