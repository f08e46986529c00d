package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoAddressRecognizerTest {

  private final CryptoAddressRecognizer recognizer = new CryptoAddressRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "1111111111111111111114oLvT2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
      "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
      "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
      "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
      "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
      "0x8f953371d3e85eddb89b05ed6b9e680791055315", "0X8F953371D3E85EDDB89B05ED6B9E680791055315"})
  void validAddressesAreFound(String address) {
    assertThat(found(address)).containsExactly(address);
    assertThat(found("send to " + address + ", thanks")).containsExactly(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2", "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyY", "26Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ",
      "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", "11111111111111111111111111",
      "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
      "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "0x8f953371d3e85eddb89b05ed6b9e68079105531",
      "0x8f953371d3e85eddb89b05ed6b9e6807910553155", "8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189",
      "0x8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189"})
  void invalidAddressesAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void offsetsAreExact() {
    String text = "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("CRYPTO_ADDRESS", 0, 34), new Span("CRYPTO_ADDRESS", 35, 69));
  }

  @Test
  void gluedAddressesAreNotFound() {
    assertThat(found("x16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ")).isEmpty();
    assertThat(found("abc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).isEmpty();
    assertThat(found("10x8f953371d3e85eddb89b05ed6b9e680791055315")).isEmpty();
  }

  @Test
  void unicodeTextAround() {
    String japanese = "送金先1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2です";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("CRYPTO_ADDRESS", 3, 37));
    assertThat(found("Meine Wallet: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq – danke"))
        .containsExactly("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    assertThat(found("💰0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed💰"))
        .containsExactly("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  }
}
