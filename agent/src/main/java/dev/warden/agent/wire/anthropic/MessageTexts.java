package dev.warden.agent.wire.anthropic;

import static dev.warden.agent.wire.json.JsonFields.hasType;
import static dev.warden.agent.wire.json.JsonFields.integer;
import static dev.warden.agent.wire.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * Completion text of Anthropic Messages: the {@code text} of each {@code text} content block. In a
 * stream, {@code content_block_delta} events with a {@code text_delta} feed one channel per block
 * {@code index}, ended by that block's {@code content_block_stop} (or {@code message_stop}, after
 * which the SDK accumulators take no event). Thinking, tool input and citations are left as they
 * are.
 */
public final class MessageTexts implements CompletionTexts {

  public static final MessageTexts INSTANCE = new MessageTexts();

  private MessageTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> out) {
    JsonNode content = root.get("content");
    if (content == null || !content.isArray()) {
      return;
    }
    for (JsonNode block : content) {
      if (hasType(block, "text")) {
        out.add(block.get("text"));
      }
    }
  }

  @Override
  public boolean onEvent(String name, JsonNode data, byte[] raw, StreamEdit edit) {
    if (data == null || !data.isObject()) {
      return false;
    }
    String type = text(data, "type");
    if (type == null) {
      type = name;
    }
    if (type == null) {
      return true;
    }
    switch (type) {
      case "content_block_delta":
        JsonNode delta = data.get("delta");
        Integer index = integer(data, "index");
        if (index != null && delta != null && hasType(delta, "text_delta")) {
          edit.feedInPlace(index, delta.get("text"));
        }
        break;
      case "content_block_stop":
        Integer stopped = integer(data, "index");
        if (stopped != null) {
          edit.end(stopped);
        }
        break;
      case "message_stop":
        edit.endAll();
        break;
      case "content_block_start":
        // the API starts text blocks empty; any text here is rewritten on its own
        JsonNode block = data.get("content_block");
        if (block != null && hasType(block, "text")) {
          edit.rewrite(block.get("text"));
        }
        break;
      case "message_start":
        JsonNode message = data.get("message");
        if (message != null) {
          ArrayList<JsonNode> texts = new ArrayList<>(0);
          collect(message, texts);
          for (JsonNode text : texts) {
            edit.rewrite(text);
          }
        }
        break;
      default:
        break;
    }
    return true;
  }

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    ((ObjectNode) copy.get("delta")).put("text", text);
    return copy;
  }
}
