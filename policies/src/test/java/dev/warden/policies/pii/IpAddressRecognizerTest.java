package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressRecognizerTest {

  private final IpAddressRecognizer recognizer = new IpAddressRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "192.168.1.10", "0.0.0.0", "255.255.255.255", "8.8.8.8", "10.218.6.131",
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8:85a3::8a2e:370:7334", "2001:db8::1", "fe80::1%eth0",
      "::ffff:192.0.2.1", "64:ff9b::192.0.2.33", "2001:db8::", "d80:e4b5:79da:6cf6:71f3:51f7:9161:c319",
      "FE80::0202:B3FF:FE1E:8329", "1:2:3:4:5:6:7:8", "::1234:5678"})
  void addressesAreFound(String ip) {
    assertThat(found(ip)).containsExactly(ip);
    assertThat(found("host " + ip + ", ok")).containsExactly(ip);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "256.1.1.1", "192.168.01.10", "192.168.1", "1.2.3.4.5", "v1.2.3.4", "1.2.3.4a", "10.0.19041.1",
      "12:30:45", "10:30", "::1", "::", "a::b", "std::map", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3",
      "12345::1", "2001:db8::g", "00:1A:2B:3C:4D:5E", "x.1.2.3.4", "1.2.3.4:5:6"})
  void nonAddressesAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void sentencePunctuationEndsAnAddress() {
    assertThat(found("Blocked from 1.2.3.4. Then")).containsExactly("1.2.3.4");
    assertThat(found("v6 at 2001:db8::1: it works")).containsExactly("2001:db8::1");
  }

  @Test
  void bracketsPortsAndPrefixesStayOutside() {
    String text = "[2001:db8::8a2e:370:7334]:443 and 192.168.1.10:8080 and 10.0.0.0/8";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("IP_ADDRESS", 1, 24), new Span("IP_ADDRESS", 34, 46), new Span("IP_ADDRESS", 56, 64));
  }

  @Test
  void versionStringsAreNotAddresses() {
    assertThat(found("upgrade 1.2.3.4.5 to 1.2.3.4.6")).isEmpty();
    assertThat(found("build 4.15.0.112.1")).isEmpty();
  }

  @Test
  void unicodeTextAround() {
    String chinese = "IP地址192.168.1.100，信用卡";
    assertThat(Found.spans(recognizer, chinese)).containsExactly(new Span("IP_ADDRESS", 4, 17));
    assertThat(found("Die Adresse lautet 10.0.0.1 – siehe Log")).containsExactly("10.0.0.1");
    assertThat(found("l'adresse fe80::1%eth0 est locale")).containsExactly("fe80::1%eth0");
    assertThat(found("🌐2001:db8::1🌐")).containsExactly("2001:db8::1");
    assertThat(found("é10.0.0.1")).isEmpty();
  }
}
