package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressRecognizerTest {

  private final MacAddressRecognizer recognizer = new MacAddressRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "ff:ff:ff:ff:ff:ff", "001a.2b3c.4d5e", "12:34:56:78:90:12"})
  void addressesAreFound(String mac) {
    assertThat(found(mac)).containsExactly(mac);
    assertThat(found("NIC " + mac + ".")).containsExactly(mac);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "00:1A:2B:3C:4D", "00:1A:2B:3C:4D:5E:6F", "00:1A-2B:3C:4D:5E", "00:1G:2B:3C:4D:5E", "1234.5678.9012",
      "001a.2b3c.4d5", "x00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5Eg", "0:1A:2B:3C:4D:5E", "2001:db8:0:1:2:3:4:5"})
  void nonAddressesAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void offsetsAreExact() {
    String text = "eth0 00:1A:2B:3C:4D:5E, wlan0 001a.2b3c.4d5e";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("MAC_ADDRESS", 5, 22), new Span("MAC_ADDRESS", 30, 44));
  }

  @Test
  void unicodeTextAround() {
    String japanese = "MACアドレスは00:1A:2B:3C:4D:5Eです";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("MAC_ADDRESS", 8, 25));
    assertThat(found("Gerät (00-1a-2b-3c-4d-5e) – ok")).containsExactly("00-1a-2b-3c-4d-5e");
    assertThat(found("ä00:1A:2B:3C:4D:5E")).isEmpty();
  }
}
