package dev.warden.agent.wire.json;

import static dev.warden.agent.wire.WireTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LocatedJsonTest {

  @Test
  void everyStringValueKnowsWhereItsQuoteIs() {
    byte[] body = utf8("{ \"a\" : \"x\\\"y\", \"b\": [\"é\", {\"c\":\"\\u00e9\"}], \"d\": 0.70 }");
    JsonNode root = LocatedJson.parse(body);

    assertThat(root).isNotNull();
    assertQuoteAt(body, root.get("a"));
    assertQuoteAt(body, root.get("b").get(0));
    assertQuoteAt(body, root.get("b").get(1).get("c"));
    assertThat(root.get("a").textValue()).isEqualTo("x\"y");
    assertThat(root.get("b").get(1).get("c").textValue()).isEqualTo("é");
  }

  @Test
  void offsetsAreBytesNotChars() {
    byte[] body = utf8("{\"a\":\"日本語😀\",\"b\":\"after\"}");
    JsonNode root = LocatedJson.parse(body);

    int offset = ((LocatedText) root.get("b")).offset();
    assertThat(offset).isEqualTo(body.length - "\"after\"}".length());
  }

  @Test
  void keepsExactDecimals() {
    JsonNode root = LocatedJson.parse(utf8("{\"t\":0.70,\"n\":1e3,\"i\":12345678901,\"big\":123456789012345678901234567890}"));

    assertThat(root.get("t").decimalValue()).isEqualByComparingTo("0.70");
    assertThat(root.get("t").decimalValue().scale()).isEqualTo(2);
    assertThat(root.get("n").decimalValue()).isEqualTo(new BigDecimal("1e3"));
    assertThat(root.get("i").longValue()).isEqualTo(12345678901L);
    assertThat(root.get("big").bigIntegerValue().toString()).isEqualTo("123456789012345678901234567890");
  }

  @Test
  void leadingUtf8ByteOrderMarkKeepsOffsetsRight() {
    byte[] text = utf8("{\"a\":\"x\"}");
    byte[] body = new byte[text.length + 3];
    body[0] = (byte) 0xEF;
    body[1] = (byte) 0xBB;
    body[2] = (byte) 0xBF;
    System.arraycopy(text, 0, body, 3, text.length);

    JsonNode root = LocatedJson.parse(body);

    assertThat(root).isNotNull();
    assertQuoteAt(body, root.get("a"));
  }

  @Test
  void refusesWhatIsNotExactlyOneJsonValue() {
    assertThat(LocatedJson.parse(utf8(""))).isNull();
    assertThat(LocatedJson.parse(null)).isNull();
    assertThat(LocatedJson.parse(utf8("{\"a\":1"))).isNull();
    assertThat(LocatedJson.parse(utf8("{\"a\":1} {}"))).isNull();
    assertThat(LocatedJson.parse(utf8("{\"a\":1}x"))).isNull();
    assertThat(LocatedJson.parse(utf8("not json"))).isNull();
    assertThat(LocatedJson.parse(utf8("{'a':1}"))).isNull();
  }

  @Test
  void refusesRepeatedKeys() {
    assertThat(LocatedJson.parse(utf8("{\"messages\":[],\"messages\":[{\"role\":\"user\"}]}"))).isNull();
    assertThat(LocatedJson.parse(utf8("{\"m\":[{\"a\":1,\"a\":2}]}"))).isNull();
  }

  @Test
  void refusesUtf16() {
    byte[] utf16 = "{\"a\":\"b\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
    byte[] utf16le = "{\"a\":\"b\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] withBom = "{\"a\":\"b\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16);

    assertThat(LocatedJson.parse(utf16)).isNull();
    assertThat(LocatedJson.parse(utf16le)).isNull();
    assertThat(LocatedJson.parse(withBom)).isNull();
  }

  @Test
  void refusesPathologicalNesting() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertThat(LocatedJson.parse(utf8(deep))).isNull();
  }

  @Test
  void readsScalarsAndLiterals() {
    JsonNode root = LocatedJson.parse(utf8("[true,false,null,-1,\"\"]"));

    assertThat(root.get(0).booleanValue()).isTrue();
    assertThat(root.get(1).booleanValue()).isFalse();
    assertThat(root.get(2).isNull()).isTrue();
    assertThat(root.get(3).intValue()).isEqualTo(-1);
    assertThat(root.get(4)).isInstanceOf(LocatedText.class);
  }

  private static void assertQuoteAt(byte[] body, JsonNode node) {
    assertThat(node).isInstanceOf(LocatedText.class);
    assertThat(body[((LocatedText) node).offset()]).isEqualTo((byte) '"');
  }
}
