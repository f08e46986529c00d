package dev.warden.agent.wire.openai;

import static dev.warden.agent.wire.WireTestSupport.OPENAI_RESPONSES;
import static dev.warden.agent.wire.WireTestSupport.decode;
import static dev.warden.agent.wire.WireTestSupport.string;
import static dev.warden.agent.wire.WireTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.DecodedRequest;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import org.junit.jupiter.api.Test;

class ResponsesAdapterTest {

  /** openai-java {@code ResponseCreateParams.builder().input("...").model(GPT_4_1)}. */
  static final String STRING_INPUT = "{\"input\":\"Tell me a three sentence bedtime story about a unicorn.\","
      + "\"model\":\"gpt-4.1\",\"instructions\":\"Talk like a pirate.\",\"max_output_tokens\":500,"
      + "\"temperature\":0.70}";

  /** A multi-turn conversation with a function call and its output. */
  static final String ITEMS = """
      {"model":"gpt-4.1-mini","stream":true,"input":[
        {"role":"developer","content":"Only answer about weather."},
        {"type":"message","role":"user","content":[
          {"type":"input_text","text":"Weather in Paris?"},
          {"type":"input_image","image_url":"https://example.com/p.png","detail":"auto"}]},
        {"type":"message","role":"assistant","id":"msg_1","status":"completed","content":[
          {"type":"output_text","text":"Let me check.","annotations":[]}]},
        {"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"},
        {"type":"function_call_output","call_id":"call_1","output":"{\\"temp_c\\":21.5}"},
        {"type":"function_call_output","call_id":"call_2","output":[{"type":"input_text","text":"sunny"}]},
        {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"thinking"}]}
      ],"tools":[{"type":"function","name":"get_weather","parameters":{"type":"object"}}],"top_p":1e0}""";

  @Test
  void decodesInstructionsAndStringInput() {
    Exchange exchange = decode(OPENAI_RESPONSES, STRING_INPUT).exchange();

    assertThat(exchange.model()).isEqualTo("gpt-4.1");
    assertThat(exchange.maxTokens()).isEqualTo(500);
    assertThat(exchange.stream()).isFalse();
    assertThat(exchange.parts()).containsExactly(
        new TextPart(0, "system", "Talk like a pirate."),
        new TextPart(1, "user", "Tell me a three sentence bedtime story about a unicorn."));
  }

  @Test
  void stringInputWithoutInstructionsIsMessageZero() {
    Exchange exchange = decode(OPENAI_RESPONSES, "{\"model\":\"gpt-4.1\",\"input\":\"hi\"}").exchange();

    assertThat(exchange.parts()).containsExactly(new TextPart(0, "user", "hi"));
  }

  @Test
  void decodesMessageItemsFunctionCallArgumentsAndToolOutputs() {
    Exchange exchange = decode(OPENAI_RESPONSES, ITEMS).exchange();

    assertThat(exchange.stream()).isTrue();
    assertThat(exchange.maxTokens()).isNull();
    assertThat(exchange.parts()).containsExactly(
        new TextPart(0, "developer", "Only answer about weather."),
        new TextPart(1, "user", "Weather in Paris?"),
        new TextPart(2, "assistant", "Let me check."),
        new TextPart(3, "assistant", "{\"city\":\"Paris\"}"),
        new TextPart(4, "tool", "{\"temp_c\":21.5}"),
        new TextPart(5, "tool", "sunny"));
  }

  @Test
  void roundTripsAndRewritesInPlace() {
    byte[] body = utf8(ITEMS);
    DecodedRequest request = OPENAI_RESPONSES.adapter().decode(OPENAI_RESPONSES, body, null);

    assertThat(request.encode(new String[6])).isSameAs(body);
    byte[] out = request.encode(new String[] {null, "Weather in <CITY_1>?", null, null, null, "[blocked]"});

    assertThat(string(out)).isEqualTo(ITEMS.replace("Weather in Paris?", "Weather in <CITY_1>?")
        .replace("\"text\":\"sunny\"", "\"text\":\"[blocked]\""));
  }

  @Test
  void rewritesInstructionsAndInput() {
    DecodedRequest request = decode(OPENAI_RESPONSES, STRING_INPUT);

    byte[] out = request.encode(new String[] {"Talk like a pirate. [canary:7f3a]", null});

    assertThat(string(out)).isEqualTo(STRING_INPUT.replace("Talk like a pirate.", "Talk like a pirate. [canary:7f3a]"));
  }
}
