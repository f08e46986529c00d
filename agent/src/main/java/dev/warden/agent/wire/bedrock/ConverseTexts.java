package dev.warden.agent.wire.bedrock;

import static dev.warden.agent.wire.json.JsonFields.integer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.util.List;

/**
 * Completion text of a Converse response (and of Nova's InvokeModel response, the same shape):
 * {@code output.message.content[].text} and the string values inside {@code toolUse.input}. In a
 * stream (events named by their {@code :event-type}, see {@link EventStreamRewrite}), the
 * {@code delta.text} of each {@code contentBlockDelta} feeds one channel per
 * {@code contentBlockIndex}, and its {@code delta.toolUse.input} fragments one JSON text channel,
 * ended by that block's {@code contentBlockStop} (or {@code messageStop}). Reasoning is left as it is.
 */
final class ConverseTexts implements CompletionTexts {

  static final ConverseTexts INSTANCE = new ConverseTexts();

  private ConverseTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> texts, List<JsonNode> jsonTexts) {
    JsonNode content = root.path("output").path("message").path("content");
    for (JsonNode block : content) {
      JsonNode text = block.get("text");
      if (text != null && text.isTextual()) {
        texts.add(text);
      }
      JsonNode toolUse = block.get("toolUse");
      if (toolUse != null) {
        strings(toolUse.get("input"), texts);
      }
    }
  }

  static void strings(JsonNode node, List<JsonNode> texts) {
    if (node == null) {
      return;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        strings(child, texts);
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
    switch (name == null ? "" : name) {
      case "contentBlockDelta":
        Integer index = integer(data, "contentBlockIndex");
        JsonNode delta = data.get("delta");
        if (index == null || delta == null) {
          return false;
        }
        edit.feedInPlace(index, delta.get("text"));
        JsonNode toolUse = delta.get("toolUse");
        if (toolUse != null) {
          edit.feedJsonTextInPlace(new ToolInput(index), toolUse.get("input"));
        }
        return true;
      case "contentBlockStop":
        Integer stopped = integer(data, "contentBlockIndex");
        if (stopped != null) {
          edit.end(stopped);
          edit.end(new ToolInput(stopped));
        }
        return true;
      case "messageStop":
        edit.endAll();
        return true;
      default:
        return true;
    }
  }

  /** The channel of a tool use block's input fragments, apart from the block's text. */
  private record ToolInput(int index) {}

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    ObjectNode delta = copy.putObject("delta");
    if (channel instanceof ToolInput) {
      delta.putObject("toolUse").put("input", text);
    } else {
      delta.put("text", text);
    }
    return copy;
  }

  @Override
  public byte[] errorEvent(byte[] errorBody) {
    throw new UnsupportedOperationException("Bedrock streams are not SSE");
  }
}
