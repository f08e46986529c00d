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
 * {@code text} of its {@code text} parts) in a JSON body; {@code choices[].delta.content} in a
 * stream, one channel per choice {@code index}, ended by that choice's {@code finish_reason} or by
 * {@code [DONE]}. Refusals and tool call arguments are left as they are (arguments are JSON inside
 * a string, cut anywhere by the stream, and restoring a value into them is not yet safe).
 */
public final class ChatCompletionTexts implements CompletionTexts {

  public static final ChatCompletionTexts INSTANCE = new ChatCompletionTexts();

  private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

  private ChatCompletionTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> out) {
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray()) {
      return;
    }
    for (JsonNode choice : choices) {
      JsonNode message = choice.get("message");
      JsonNode content = message != null ? message.get("content") : null;
      if (content == null) {
        continue;
      }
      if (content.isArray()) {
        for (JsonNode part : content) {
          if (hasType(part, "text")) {
            out.add(part.get("text"));
          }
        }
      } else {
        out.add(content);
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
    }
    return true;
  }

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    ArrayNode choices = JsonNodeFactory.instance.arrayNode();
    JsonNode original = template.get("choices");
    for (int i = 0, n = original.size(); i < n; i++) {
      JsonNode choice = original.get(i);
      Integer index = integer(choice, "index");
      if (channel.equals(index != null ? index : i)) {
        ObjectNode kept = ((ObjectNode) choice).deepCopy();
        kept.putObject("delta").put("content", text);
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
}
