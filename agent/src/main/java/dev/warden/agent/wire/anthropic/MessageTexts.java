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
 * Completion text of Anthropic Messages: the {@code text} of each {@code text} content block, and
 * the string values inside the {@code input} object of each {@code tool_use} block (at any depth;
 * keys are left as they are). In a stream, {@code content_block_delta} events with a
 * {@code text_delta} feed one channel per block {@code index}, and those with an
 * {@code input_json_delta} (the {@code partial_json} fragments of a tool's input) one JSON text
 * channel per block {@code index}, ended by that block's {@code content_block_stop} (or
 * {@code message_stop}, after which the SDK accumulators take no event). Thinking and citations
 * are left as they are.
 */
public final class MessageTexts implements CompletionTexts {

  public static final MessageTexts INSTANCE = new MessageTexts();

  private MessageTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> texts, List<JsonNode> jsonTexts) {
    JsonNode content = root.get("content");
    if (content == null || !content.isArray()) {
      return;
    }
    for (JsonNode block : content) {
      collectBlock(block, texts);
    }
  }

  private static void collectBlock(JsonNode block, List<JsonNode> texts) {
    if (hasType(block, "text")) {
      texts.add(block.get("text"));
    } else if (hasType(block, "tool_use")) {
      collectStrings(block.get("input"), texts);
    }
  }

  /** Every string value inside {@code node}; field names are not values. */
  private static void collectStrings(JsonNode node, List<JsonNode> texts) {
    if (node == null) {
      return;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        collectStrings(child, texts);
      }
    } else if (node.isTextual()) {
      texts.add(node);
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
        } else if (index != null && delta != null && hasType(delta, "input_json_delta")) {
          edit.feedJsonTextInPlace(index, delta.get("partial_json"));
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
        // the API starts text blocks empty and tool input as {}; anything here is rewritten on its own
        JsonNode block = data.get("content_block");
        if (block != null) {
          ArrayList<JsonNode> texts = new ArrayList<>(0);
          collectBlock(block, texts);
          rewriteAll(texts, edit);
        }
        break;
      case "message_start":
        JsonNode message = data.get("message");
        if (message != null) {
          ArrayList<JsonNode> texts = new ArrayList<>(0);
          // a whole message has no JSON text: tool input is an object
          collect(message, texts, texts);
          rewriteAll(texts, edit);
        }
        break;
      default:
        break;
    }
    return true;
  }

  private static void rewriteAll(List<JsonNode> texts, StreamEdit edit) {
    for (JsonNode text : texts) {
      edit.rewrite(text);
    }
  }

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    ObjectNode delta = (ObjectNode) copy.get("delta");
    delta.put(hasType(delta, "input_json_delta") ? "partial_json" : "text", text);
    return copy;
  }

  /** {@code event: error} with {@code {"type":"error","error":{…}}}, as the API sends an overload mid-stream. */
  @Override
  public byte[] errorEvent(byte[] errorBody) {
    return CompletionTexts.event("error", errorBody);
  }
}
