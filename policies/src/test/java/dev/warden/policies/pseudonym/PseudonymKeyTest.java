package dev.warden.policies.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PseudonymKeyTest {

  @Test
  void toStringNeverShowsTheKey() {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (0xa0 + i);
    }
    String shown = PseudonymKey.of(bytes).toString() + PseudonymKey.random();
    assertThat(shown).contains("hidden")
        .doesNotContainIgnoringCase(HexFormat.of().formatHex(bytes, 0, 4))
        .doesNotContain(Base64.getEncoder().encodeToString(bytes).substring(0, 6));
  }

  @Test
  void theBytesAreCopied() {
    byte[] bytes = new byte[32];
    PseudonymKey key = PseudonymKey.of(bytes);
    String before = key.digestHex("EMAIL", "jane@example.com");
    bytes[0] = 1;
    assertThat(key.digestHex("EMAIL", "jane@example.com")).isEqualTo(before)
        .isNotEqualTo(PseudonymKey.of(bytes).digestHex("EMAIL", "jane@example.com"));
  }

  @Test
  void shortKeysAreRefused() {
    assertThatThrownBy(() -> PseudonymKey.of(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PseudonymKey.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(PseudonymKey.of(new byte[16])).isNotNull();
  }

  @Test
  void randomKeysDiffer() {
    assertThat(PseudonymKey.random().digestHex("EMAIL", "a@b.co"))
        .isNotEqualTo(PseudonymKey.random().digestHex("EMAIL", "a@b.co"));
  }
}
