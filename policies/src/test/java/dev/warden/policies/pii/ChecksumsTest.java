package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

  @Test
  void luhn() {
    assertThat(Checksums.luhn("4111111111111111", 0, 16)).isTrue();
    assertThat(Checksums.luhn("4111 1111-1111 1111", 0, 19)).isTrue();
    assertThat(Checksums.luhn("4111111111111112", 0, 16)).isFalse();
    assertThat(Checksums.luhn("x79927398713y", 1, 12)).isTrue();
    assertThat(Checksums.luhn("0", 0, 1)).isFalse();
    assertThat(Checksums.luhn("", 0, 0)).isFalse();
  }

  @Test
  void mod97() {
    assertThat(Checksums.mod97("GB82WEST12345698765432", 0, 22)).isTrue();
    assertThat(Checksums.mod97("GB82 WEST 1234 5698 7654 32", 0, 27)).isTrue();
    assertThat(Checksums.mod97("gb82west12345698765432", 0, 22)).isTrue();
    assertThat(Checksums.mod97("GB83WEST12345698765432", 0, 22)).isFalse();
    assertThat(Checksums.mod97("GB82-WEST12345698765432", 0, 23)).isFalse();
    assertThat(Checksums.mod97("GB82", 0, 4)).isFalse();
  }

  @Test
  void base58Check() {
    assertThat(Checksums.base58Check25("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", 0, 34, 0)).isTrue();
    assertThat(Checksums.base58Check25("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", 0, 34, 5)).isFalse();
    assertThat(Checksums.base58Check25("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", 0, 34, 0)).isFalse();
    assertThat(Checksums.base58Check25("1111111111111111111114oLvT2", 0, 27, 0)).isTrue();
    assertThat(Checksums.base58Check25("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", 0, 34, 5)).isTrue();
    assertThat(Checksums.base58Check25("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 0, 36, 0)).isFalse();
    assertThat(Checksums.base58Check25("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0", 0, 34, 0)).isFalse();
  }

  @Test
  void segwitBip173AndBip350Vectors() {
    assertValidSegwit("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", true);
    assertValidSegwit("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", true);
    assertValidSegwit("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", true);
    assertValidSegwit("BC1SW50QGDZ25J", true);
    assertValidSegwit("bc1zw508d6qejxtdg4y5r3zarvary0c5xw7kj8eklx", false);
    assertValidSegwit("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", true);
    assertValidSegwit("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", false);
    assertValidSegwit("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", false);
    assertValidSegwit("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", false);
    assertValidSegwit("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", false);
    assertValidSegwit("bc1qw508d6qejxtdg4y5r3zarvarY0c5xw7kv8f3t4", false);
    assertValidSegwit("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", false);
  }

  private static void assertValidSegwit(String address, boolean valid) {
    assertThat(Checksums.segwitAddress(address, 0, address.length())).as(address).isEqualTo(valid);
  }

  @Test
  void keccak256KnownAnswers() {
    assertThat(hex(Checksums.Keccak256.hash(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(hex(Checksums.Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }

  @Test
  void keccakPermutationAgreesWithTheJdkSha3() throws Exception {
    for (int len : new int[] {0, 1, 40, 135, 136, 137, 300, 1000}) {
      byte[] input = new byte[len];
      for (int i = 0; i < len; i++) {
        input[i] = (byte) (i * 31 + 7);
      }
      byte[] expected = MessageDigest.getInstance("SHA3-256").digest(input);
      assertThat(Checksums.Keccak256.hash(input, (byte) 0x06)).as("length %d", len).isEqualTo(expected);
    }
  }

  @Test
  void eip55() {
    assertThat(Checksums.eip55("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 0)).isTrue();
    assertThat(Checksums.eip55("0x52908400098527886E0F7030069857D2E4169EE7", 2)).isTrue();
    assertThat(Checksums.eip55("0x8617E340B3D01FA5F11F306F4090FD50E238070D", 2)).isTrue();
    assertThat(Checksums.eip55("0xde709f2102306220921060314715629080e2fb77", 2)).isTrue();
    assertThat(Checksums.eip55("0x52908400098527886e0F7030069857D2E4169EE7", 2)).isFalse();
    assertThat(Checksums.eip55("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", 0)).isFalse();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
