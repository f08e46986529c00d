package dev.warden.agent.wire.openai;

import static dev.warden.agent.wire.WireTestSupport.utf8;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL_VALUE;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME_VALUE;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENTS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENTS_EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENT_DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.TEXT;
import static dev.warden.agent.wire.rewrite.ProviderBodies.q;
import static dev.warden.agent.wire.rewrite.ProviderBodies.response;
import static dev.warden.agent.wire.rewrite.ProviderBodies.responsesStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.responsesToolStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkCuts;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.events;
import static dev.warden.agent.wire.rewrite.StreamChecks.rawEvents;
import static dev.warden.agent.wire.rewrite.StreamChecks.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.rewrite.PlaceholderRewriter;
import dev.warden.agent.wire.rewrite.ProviderBodies;
import dev.warden.agent.wire.rewrite.StreamChecks.DeltaShape;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesRewriteTest {

  private static final ResponsesAdapter ADAPTER = ResponsesAdapter.INSTANCE;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final DeltaShape RESPONSES = new DeltaShape("\"delta\":", node ->
      "response.output_text.delta".equals(node.path("type").asText()) ? node.get("delta").textValue() : null);

  static final DeltaShape RESPONSES_ARGUMENTS = new DeltaShape("\"delta\":", node ->
      "response.function_call_arguments.delta".equals(node.path("type").asText()) ? node.get("delta").textValue()
          : null);

  @Test
  void jsonRestoresOutputTextAndFunctionCallArguments() throws IOException {
    Result result = rewrite(ADAPTER, false, utf8(response(TEXT, ARGUMENTS)));

    assertThat(result.text()).isEqualTo(response(EXPECTED, ARGUMENTS_EXPECTED));
    assertThat(result.changes()).isEqualTo(2);
    JsonNode arguments = MAPPER.readTree(MAPPER.readTree(result.bytes()).at("/output/1/arguments").textValue());
    assertThat(arguments.at("/cc/0").textValue()).isEqualTo(NAME_VALUE);
  }

  @Test
  void jsonWithoutPlaceholdersIsByteIdentical() {
    byte[] body = utf8(response("Nothing to restore", "{\"to\":\"<EMAIL_ffff>\"}"));

    Result result = rewrite(ADAPTER, false, body);

    assertThat(result.bytes()).isEqualTo(body);
    assertThat(result.changes()).isZero();
  }

  @Test
  void streamRestoresDeltasAndKeepsEveryOtherEvent() {
    checkStream(ADAPTER, responsesStream(DELTAS), RESPONSES, 1);
  }

  @Test
  void streamCutAnywhereReleasesWhatWasHeld() {
    checkCuts(ADAPTER, responsesStream(DELTAS), RESPONSES);
  }

  @Test
  void wholeTextsAgreeWithTheDeltas() throws IOException {
    Result result = rewrite(ADAPTER, true, utf8(responsesStream(DELTAS)));

    StringBuilder deltas = new StringBuilder();
    List<String> whole = new ArrayList<>();
    for (String[] event : events(result.bytes())) {
      JsonNode data = MAPPER.readTree(event[1]);
      switch (event[0]) {
        case "response.output_text.delta" -> deltas.append(data.get("delta").textValue());
        case "response.output_text.done" -> whole.add(data.get("text").textValue());
        case "response.content_part.done" -> whole.add(data.at("/part/text").textValue());
        case "response.output_item.done" -> whole.add(data.at("/item/content/0/text").textValue());
        case "response.completed" -> whole.add(data.at("/response/output/0/content/0/text").textValue());
        default -> { }
      }
    }
    assertThat(deltas.toString()).isEqualTo(EXPECTED);
    assertThat(whole).hasSize(4).containsOnly(EXPECTED);
  }

  @Test
  void heldTextGoesOutAsACopyOfTheLastDeltaJustBeforeDone() {
    List<String> input = rawEvents(responsesStream(List.of("Mail <EMA", "IL_1a2b> now <EM")));

    List<String> output = rawEvents(rewrite(ADAPTER, true, utf8(String.join("", input))).text());

    assertThat(output).hasSize(input.size() + 1);
    assertThat(output.subList(0, 4)).isEqualTo(input.subList(0, 4));
    assertThat(output.get(4)).isEqualTo(input.get(4).replace(q("Mail <EMA"), q("Mail ")));
    assertThat(output.get(5)).isEqualTo(input.get(5).replace(q("IL_1a2b> now <EM"), q(EMAIL_VALUE + " now ")));
    // same event, same sequence number: only the text differs
    assertThat(output.get(6)).isEqualTo(input.get(5).replace(q("IL_1a2b> now <EM"), q("<EM")));
    assertThat(output.get(7)).isEqualTo(input.get(6).replace("<EMAIL_1a2b>", EMAIL_VALUE))
        .startsWith("event: response.output_text.done\n");
  }

  @Test
  void eachContentPartIsAChannel() {
    String part0 = ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0";
    String part1 = ",\"item_id\":\"msg_2\",\"output_index\":1,\"content_index\":0";
    String input = delta(1, part0, "A <EMAIL_1")
        + delta(2, part1, "B <EMAIL_1a2b")
        + delta(3, part0, "a2b> <")
        + done(4, part0, "A <EMAIL_1a2b> <")
        + delta(5, part1, "> <NAME_77aa>")
        + done(6, part1, "B <EMAIL_1a2b> <NAME_77aa>");

    Result result = rewrite(ADAPTER, true, utf8(input));

    assertThat(rawEvents(result.text())).containsExactly(
        delta(1, part0, "A "),
        delta(2, part1, "B "),
        delta(3, part0, EMAIL_VALUE + " "),
        delta(3, part0, "<"),
        done(4, part0, "A " + EMAIL_VALUE + " <"),
        delta(5, part1, EMAIL_VALUE + " " + NAME_VALUE),
        done(6, part1, "B " + EMAIL_VALUE + " " + NAME_VALUE));
  }

  private static String delta(int sequence, String part, String text) {
    return "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":"
        + sequence + part + ",\"delta\":" + q(text) + ",\"logprobs\":[]}\n\n";
  }

  private static String done(int sequence, String part, String text) {
    return "event: response.output_text.done\ndata: {\"type\":\"response.output_text.done\",\"sequence_number\":"
        + sequence + part + ",\"text\":" + q(text) + ",\"logprobs\":[]}\n\n";
  }

  @Test
  void streamRestoresFunctionCallArgumentsAndKeepsEveryOtherEvent() {
    checkStream(ADAPTER, responsesToolStream(ARGUMENT_DELTAS), RESPONSES_ARGUMENTS, ARGUMENTS_EXPECTED,
        ProviderBodies::restoredJsonText, 0);
  }

  @Test
  void streamOfFunctionCallArgumentsCutAnywhereReleasesWhatWasHeld() {
    checkCuts(ADAPTER, responsesToolStream(ARGUMENT_DELTAS), RESPONSES_ARGUMENTS,
        new PlaceholderRewriter().forJsonText()::rewrite);
  }

  @Test
  void wholeArgumentsAgreeWithTheDeltas() throws IOException {
    Result result = rewrite(ADAPTER, true, utf8(responsesToolStream(ARGUMENT_DELTAS)));

    StringBuilder deltas = new StringBuilder();
    List<String> whole = new ArrayList<>();
    for (String[] event : events(result.bytes())) {
      JsonNode data = MAPPER.readTree(event[1]);
      switch (event[0]) {
        case "response.function_call_arguments.delta" -> deltas.append(data.get("delta").textValue());
        case "response.function_call_arguments.done" -> whole.add(data.get("arguments").textValue());
        case "response.output_item.done" -> whole.add(data.at("/item/arguments").textValue());
        case "response.completed" -> whole.add(data.at("/response/output/0/arguments").textValue());
        default -> { }
      }
    }
    assertThat(deltas.toString()).isEqualTo(ARGUMENTS_EXPECTED);
    assertThat(whole).hasSize(3).containsOnly(ARGUMENTS_EXPECTED);
    assertThat(MAPPER.readTree(ARGUMENTS_EXPECTED).get("to").textValue()).isEqualTo(EMAIL_VALUE);
  }

  @Test
  void heldArgumentsGoOutAsACopyOfTheLastDeltaJustBeforeDone() {
    List<String> input = rawEvents(responsesToolStream(List.of("{\"to\":\"<EMA", "IL_1a2b>\",\"x\":\"<NA")));

    List<String> output = rawEvents(rewrite(ADAPTER, true, utf8(String.join("", input))).text());

    assertThat(output).hasSize(input.size() + 1);
    assertThat(output.subList(0, 3)).isEqualTo(input.subList(0, 3));
    assertThat(output.get(3)).isEqualTo(input.get(3).replace(q("{\"to\":\"<EMA"), q("{\"to\":\"")));
    assertThat(output.get(4)).isEqualTo(input.get(4).replace(q("IL_1a2b>\",\"x\":\"<NA"),
        q(EMAIL_VALUE + "\",\"x\":\"")));
    // same event, same sequence number: only the fragment differs
    assertThat(output.get(5)).isEqualTo(input.get(4).replace(q("IL_1a2b>\",\"x\":\"<NA"), q("<NA")));
    assertThat(output.get(6)).isEqualTo(input.get(5).replace("<EMAIL_1a2b>", EMAIL_VALUE))
        .startsWith("event: response.function_call_arguments.done\n");
  }

  @Test
  void customToolCallInputIsFreeTextRestoredWholeAndStreamed() {
    String item = "{\"type\":\"custom_tool_call\",\"id\":\"ctc_1\",\"call_id\":\"call_1\",\"name\":\"grep\","
        + "\"input\":%s}";
    String call = ",\"item_id\":\"ctc_1\",\"output_index\":0";
    String input = customEvent("response.custom_tool_call_input.delta", 1, call + ",\"delta\":" + q("to: <EMA"))
        + customEvent("response.custom_tool_call_input.delta", 2, call + ",\"delta\":" + q("IL_1a2b> \"<NA"))
        + customEvent("response.custom_tool_call_input.done", 3, call + ",\"input\":" + q("to: <EMAIL_1a2b> \"<NA"))
        + customEvent("response.output_item.done", 4,
            ",\"output_index\":0,\"item\":" + String.format(item, q("to: <EMAIL_1a2b> \"<NAME_77aa>")));

    Result result = rewrite(ADAPTER, true, utf8(input));

    // free text: values restored as they are, no JSON text escaping
    assertThat(rawEvents(result.text())).containsExactly(
        customEvent("response.custom_tool_call_input.delta", 1, call + ",\"delta\":" + q("to: ")),
        customEvent("response.custom_tool_call_input.delta", 2, call + ",\"delta\":" + q(EMAIL_VALUE + " \"")),
        customEvent("response.custom_tool_call_input.delta", 2, call + ",\"delta\":" + q("<NA")),
        customEvent("response.custom_tool_call_input.done", 3, call + ",\"input\":" + q("to: " + EMAIL_VALUE + " \"<NA")),
        customEvent("response.output_item.done", 4,
            ",\"output_index\":0,\"item\":" + String.format(item, q("to: " + EMAIL_VALUE + " \"" + NAME_VALUE))));
  }

  private static String customEvent(String type, int sequence, String rest) {
    return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + sequence + rest + "}\n\n";
  }
}
