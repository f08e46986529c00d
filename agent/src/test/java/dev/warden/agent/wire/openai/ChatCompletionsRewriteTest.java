package dev.warden.agent.wire.openai;

import static dev.warden.agent.wire.WireTestSupport.utf8;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL_VALUE;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME_VALUE;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENTS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENTS_EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENT_DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.TEXT;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatCompletion;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatToolStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.escaped;
import static dev.warden.agent.wire.rewrite.ProviderBodies.q;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkCuts;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.deltas;
import static dev.warden.agent.wire.rewrite.StreamChecks.pieces;
import static dev.warden.agent.wire.rewrite.StreamChecks.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.rewrite.PlaceholderRewriter;
import dev.warden.agent.wire.rewrite.ProviderBodies;
import dev.warden.agent.wire.rewrite.StreamChecks.DeltaShape;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionsRewriteTest {

  private static final ChatCompletionsAdapter ADAPTER = ChatCompletionsAdapter.INSTANCE;

  /** choices[0].delta.content of a chunk. */
  static final DeltaShape CHAT = shape(0);

  static DeltaShape shape(int index) {
    return new DeltaShape("\"content\":", node -> {
      JsonNode choices = node.get("choices");
      if (choices == null) {
        return null;
      }
      for (JsonNode choice : choices) {
        JsonNode content = choice.path("delta").get("content");
        if (choice.path("index").asInt() == index && content != null && content.isTextual()) {
          return content.textValue();
        }
      }
      return null;
    });
  }

  /** choices[0].delta.tool_calls[0].function.arguments of a chunk. */
  static final DeltaShape CHAT_ARGUMENTS = new DeltaShape("\"arguments\":", node -> {
    JsonNode arguments = node.path("choices").path(0).path("delta").path("tool_calls").path(0).path("function")
        .get("arguments");
    return arguments != null && arguments.isTextual() ? arguments.textValue() : null;
  });

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void jsonRestoresMessageContentAndToolCallArgumentsAndLeavesEveryOtherByte() throws IOException {
    Result result = rewrite(ADAPTER, false, utf8(chatCompletion(TEXT, ARGUMENTS)));

    assertThat(result.text()).isEqualTo(chatCompletion(EXPECTED, ARGUMENTS_EXPECTED));
    assertThat(result.changes()).isEqualTo(2);
    assertThat(result.unreadable()).isZero();
    JsonNode arguments = MAPPER.readTree(MAPPER.readTree(result.bytes())
        .at("/choices/1/message/tool_calls/0/function/arguments").textValue());
    assertThat(arguments.get("to").textValue()).isEqualTo(EMAIL_VALUE);
    assertThat(arguments.at("/cc/0").textValue()).isEqualTo(NAME_VALUE);
    assertThat(arguments.get("note").textValue()).isEqualTo("for " + NAME_VALUE + ",\n not <UNKNOWN_0000> \""
        + EMAIL_VALUE + "\"");
  }

  @Test
  void jsonReadOneByteAtATimeGivesTheSameBody() {
    byte[] body = utf8(chatCompletion(TEXT, ARGUMENTS));
    int[] everyByte = new int[body.length];
    Arrays.setAll(everyByte, i -> i);

    assertThat(rewrite(ADAPTER, false, pieces(body, null, everyByte)).text())
        .isEqualTo(chatCompletion(EXPECTED, ARGUMENTS_EXPECTED));
  }

  @Test
  void jsonContentPartsAreRewrittenEachOnItsOwn() {
    String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"To: " + EMAIL + "\"},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/" + EMAIL + "\"}},"
        + "{\"type\":\"text\",\"text\":\"From: " + NAME + "\"}]},\"finish_reason\":\"stop\"}]}";

    Result result = rewrite(ADAPTER, false, utf8(body));

    assertThat(result.text()).isEqualTo(body.replace("To: " + EMAIL, "To: " + EMAIL_VALUE)
        .replace("From: " + NAME, "From: " + escaped(NAME_VALUE)));
    assertThat(result.changes()).isEqualTo(2);
  }

  @Test
  void jsonWithoutPlaceholdersIsByteIdentical() {
    byte[] body = utf8(chatCompletion("Nothing to restore, <EMAIL_ffff> is not ours.", "{\"to\":\"<EMAIL_ffff>\"}"));

    Result result = rewrite(ADAPTER, false, body);

    assertThat(result.bytes()).isEqualTo(body);
    assertThat(result.changes()).isZero();
  }

  @Test
  void streamRestoresDeltasAndKeepsEveryOtherEvent() {
    checkStream(ADAPTER, chatStream(DELTAS), CHAT, 1);
  }

  @Test
  void streamCutAnywhereReleasesWhatWasHeld() {
    checkCuts(ADAPTER, chatStream(DELTAS), CHAT);
  }

  @Test
  void heldTextGoesOutAsACopyOfTheLastDeltaJustBeforeTheFinishChunk() {
    String input = chatStream(List.of("Mail <EMA", "IL_1a2b> now <EM"));

    Result result = rewrite(ADAPTER, true, utf8(input));

    // exactly the stream a provider would have sent with these deltas
    assertThat(result.text()).isEqualTo(chatStream(List.of("Mail ", EMAIL_VALUE + " now ", "<EM")));
    assertThat(result.changes()).isEqualTo(3);
  }

  @Test
  void choicesAreChannelsOfTheirOwn() {
    String head = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[";
    String input = head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"A <EMAIL\"},\"finish_reason\":null}]}\n\n"
        + head + "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"B <NAME_7\"},\"finish_reason\":null}]}\n\n"
        + head + "{\"index\":0,\"delta\":{\"content\":\"_1a2b> <NA\"},\"finish_reason\":null}]}\n\n"
        + head + "{\"index\":1,\"delta\":{\"content\":\"7aa>\"},\"finish_reason\":null},"
        + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        // a compatible server that sends the last text together with the finish reason
        + head + "{\"index\":1,\"delta\":{\"content\":\" end <EM\"},\"finish_reason\":\"length\"}]}\n\n"
        + "data: [DONE]\n\n";

    Result result = rewrite(ADAPTER, true, utf8(input));

    assertThat(deltas(result.bytes(), shape(0))).isEqualTo("A " + EMAIL_VALUE + " <NA");
    assertThat(deltas(result.bytes(), shape(1))).isEqualTo("B " + NAME_VALUE + " end <EM");
    // choice 0's held "<NA" comes in a chunk of its own before the chunk that finishes it
    assertThat(result.text()).contains(head + "{\"index\":0,\"delta\":{\"content\":\"<NA\"},\"finish_reason\":null}]}\n\n"
        + head + "{\"index\":1,\"delta\":{\"content\":" + q(NAME_VALUE) + "},\"finish_reason\":null},"
        + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    assertThat(result.text()).contains("{\"index\":1,\"delta\":{\"content\":\" end <EM\"},\"finish_reason\":\"length\"}");
    assertThat(result.text()).endsWith("\"finish_reason\":\"length\"}]}\n\ndata: [DONE]\n\n");
  }

  @Test
  void doneFlushesChoicesThatNeverFinished() {
    String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":%s},\"logprobs\":{\"content\":[{\"token\":\"x\",\"logprob\":-0.5}]},"
        + "\"finish_reason\":null}],\"usage\":{\"prompt_tokens\":1}}\n\n";
    String input = String.format(chunk, q("see <EMAIL_1a")) + "data: [DONE]\n\n";

    Result result = rewrite(ADAPTER, true, utf8(input));

    // the copy carries no log probabilities and no usage, which the SDK would count twice
    assertThat(result.text()).isEqualTo(String.format(chunk, q("see "))
        + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"<EMAIL_1a\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n"
        + "data: [DONE]\n\n");
  }

  @Test
  void streamRestoresToolCallArgumentsAndKeepsEveryOtherEvent() throws IOException {
    Result result = checkStream(ADAPTER, chatToolStream(ARGUMENT_DELTAS), CHAT_ARGUMENTS, ARGUMENTS_EXPECTED,
        ProviderBodies::restoredJsonText, 0);

    JsonNode arguments = MAPPER.readTree(deltas(result.bytes(), CHAT_ARGUMENTS));
    assertThat(arguments.at("/cc/0").textValue()).isEqualTo(NAME_VALUE);
  }

  @Test
  void streamOfToolCallArgumentsCutAnywhereReleasesWhatWasHeld() {
    checkCuts(ADAPTER, chatToolStream(ARGUMENT_DELTAS), CHAT_ARGUMENTS, new PlaceholderRewriter().forJsonText()::rewrite);
  }

  @Test
  void heldArgumentsGoOutAsACopyOfTheLastFragmentJustBeforeTheFinishChunk() {
    String input = chatToolStream(List.of("{\"to\":\"<EMA", "IL_1a2b>\",\"x\":\"<NA"));

    Result result = rewrite(ADAPTER, true, utf8(input));

    // exactly the stream a provider would have sent with these fragments: only index and arguments
    assertThat(result.text()).isEqualTo(chatToolStream(List.of("{\"to\":\"", EMAIL_VALUE + "\",\"x\":\"", "<NA")));
  }

  @Test
  void eachToolCallOfEachChoiceIsAChannel() {
    String head = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[";
    String input = head + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"type\":\"function\","
        + "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\\\"<EMAIL\"}},{\"index\":1,\"id\":\"b\","
        + "\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{\\\"b\\\":\\\"<NAME_7\"}}]},"
        + "\"finish_reason\":null},{\"index\":1,\"delta\":{\"content\":\"<NAME_7\"},\"finish_reason\":null}]}\n\n"
        + head + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":"
        + "\"7aa>\\\",\\\"c\\\":\\\"<NA\"}}]},"
        + "\"finish_reason\":null},{\"index\":1,\"delta\":{\"content\":\"7aa>\"},\"finish_reason\":null}]}\n\n"
        // a compatible server that sends the last fragment together with the finish reason
        + head + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"_1a2b>\\\"}\"}}]},"
        + "\"finish_reason\":\"tool_calls\"},{\"index\":1,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n";

    Result result = rewrite(ADAPTER, true, utf8(input));

    String escapedName = ProviderBodies.escaped(NAME_VALUE);
    String finishing = head + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":";
    assertThat(result.text()).isEqualTo(input
        .replace("\"arguments\":\"{\\\"a\\\":\\\"<EMAIL\"", "\"arguments\":\"{\\\"a\\\":\\\"\"")
        .replace("\"arguments\":\"{\\\"b\\\":\\\"<NAME_7\"", "\"arguments\":\"{\\\"b\\\":\\\"\"")
        .replace("{\"content\":\"<NAME_7\"}", "{\"content\":\"\"}")
        .replace("\"arguments\":\"7aa>\\\",\\\"c\\\":\\\"<NA\"",
            "\"arguments\":" + ProviderBodies.q(escapedName + "\",\"c\":\""))
        .replace("{\"content\":\"7aa>\"}", "{\"content\":" + ProviderBodies.q(NAME_VALUE) + "}")
        // tool call 0 finishes in its own chunk; tool call 1's held "<NA" comes in a chunk of its own before it
        .replace(finishing + "\"_1a2b>\\\"}\"",
            head + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"<NA\"}}]},"
                + "\"finish_reason\":null}]}\n\n"
                + finishing + ProviderBodies.q(EMAIL_VALUE + "\"}")));
  }
}
