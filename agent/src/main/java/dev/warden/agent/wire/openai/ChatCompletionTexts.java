package dev.warden.agent.wire.openai;

import static dev.warden.agent.wire.json.JsonFields.hasType;
import static dev.warden.agent.wire.json.JsonFields.integer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.util.Arrays;
import java.util.List;

/**
 * Completion text of Chat Completions: {@code choices[].message.content} (a string, or the
 * {@code text} of its {@code text} parts) and the {@code function.arguments} of each
 * {@code choices[].message.tool_calls[]} entry (JSON text) in a JSON body. In a stream,
 * {@code choices[].delta.content} feeds one channel per choice {@code index}, and the
 * {@code function.arguments} fragments of {@code choices[].delta.tool_calls[]} one JSON text channel
 * per choice and tool call {@code index}; all of a choice's channels end with its
 * {@code finish_reason}, or at {@code [DONE]}. Refusals are left as they are.
 */
public final class ChatCompletionTexts implements CompletionTexts {

  public static final ChatCompletionTexts INSTANCE = new ChatCompletionTexts();

  private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

  /** The stream channel of one tool call's arguments. */
  private record ToolCall(int choice, int index) {}

  private ChatCompletionTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> texts, List<JsonNode> jsonTexts) {
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray()) {
      return;
    }
    for (JsonNode choice : choices) {
      JsonNode message = choice.get("message");
      if (message == null) {
        continue;
      }
      JsonNode content = message.get("content");
      if (content != null && content.isArray()) {
        for (JsonNode part : content) {
          if (hasType(part, "text")) {
            texts.add(part.get("text"));
          }
        }
      } else if (content != null) {
        texts.add(content);
      }
      JsonNode toolCalls = message.get("tool_calls");
      if (toolCalls != null && toolCalls.isArray()) {
        for (JsonNode call : toolCalls) {
          JsonNode arguments = call.path("function").get("arguments");
          if (arguments != null) {
            jsonTexts.add(arguments);
          }
        }
      }
    }
  }

  @Override
  public boolean onEvent(String name, JsonNode data, byte[] raw, StreamEdit edit) {
    if (data == null) {
      if (Arrays.equals(raw, DONE)) {
        edit.endAll();
        return true;
      }
      return false;
    }
    JsonNode choices = data.get("choices");
    if (choices == null || !choices.isArray()) {
      return true;
    }
    for (int i = 0, n = choices.size(); i < n; i++) {
      JsonNode choice = choices.get(i);
      Integer index = integer(choice, "index");
      Integer channel = index != null ? index : i;
      JsonNode delta = choice.get("delta");
      JsonNode content = delta != null ? delta.get("content") : null;
      JsonNode finish = choice.get("finish_reason");
      boolean finished = finish != null && !finish.isNull();
      if (content != null && content.isTextual()) {
        String released = edit.feed(channel, content.textValue());
        edit.replace(content, finished ? released + edit.finish(channel) : released);
      } else if (finished) {
        // the SDK accumulators take this chunk as the choice's last: the held text must come first
        edit.end(channel);
      }
      feedToolCalls(channel, delta != null ? delta.get("tool_calls") : null, finished, edit);
      if (finished) {
        edit.endAll(open -> open instanceof ToolCall call && call.choice() == channel);
      }
    }
    return true;
  }

  /** Feeds the argument fragments of a delta's tool calls; a finishing chunk also gets what was held. */
  private static void feedToolCalls(int choice, JsonNode toolCalls, boolean finished, StreamEdit edit) {
    if (toolCalls == null || !toolCalls.isArray()) {
      return;
    }
    for (int j = 0, n = toolCalls.size(); j < n; j++) {
      JsonNode call = toolCalls.get(j);
      Integer index = integer(call, "index");
      JsonNode arguments = call.path("function").get("arguments");
      if (arguments != null && arguments.isTextual()) {
        ToolCall channel = new ToolCall(choice, index != null ? index : j);
        String released = edit.feedJsonText(channel, arguments.textValue());
        edit.replace(arguments, finished ? released + edit.finish(channel) : released);
      }
    }
  }

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    ArrayNode choices = JsonNodeFactory.instance.arrayNode();
    JsonNode original = template.get("choices");
    for (int i = 0, n = original.size(); i < n; i++) {
      JsonNode choice = original.get(i);
      Integer index = integer(choice, "index");
      int choiceIndex = index != null ? index : i;
      if (channel instanceof ToolCall call ? call.choice() == choiceIndex : channel.equals(choiceIndex)) {
        ObjectNode kept = ((ObjectNode) choice).deepCopy();
        if (channel instanceof ToolCall call) {
          // later fragments of a tool call carry only its index and arguments: no id, type or name
          ObjectNode fragment = kept.putObject("delta").putArray("tool_calls").addObject().put("index", call.index());
          fragment.putObject("function").put("arguments", text);
        } else {
          kept.putObject("delta").put("content", text);
        }
        if (kept.has("logprobs")) {
          kept.putNull("logprobs");
        }
        if (kept.has("finish_reason")) {
          kept.putNull("finish_reason");
        }
        choices.add(kept);
        break;
      }
    }
    copy.set("choices", choices);
    if (copy.has("usage")) {
      // a chunk with usage is taken for the final usage chunk
      copy.putNull("usage");
    }
    return copy;
  }

  /**
   * {@code data: {"error":{…}}}, as OpenAI sends a mid-stream error (openai-java throws its
   * {@code SseException} for any event with an {@code error} member), named {@code error}, which
   * LangChain4j needs to call its error handler rather than end the stream as complete.
   */
  @Override
  public byte[] errorEvent(byte[] errorBody) {
    return CompletionTexts.event("error", errorBody);
  }
}
