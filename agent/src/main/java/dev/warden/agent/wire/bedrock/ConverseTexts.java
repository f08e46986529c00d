package dev.warden.agent.wire.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.util.List;

/**
 * Completion text of a Converse response (and of Nova's InvokeModel response, the same shape):
 * {@code output.message.content[].text} and the string values inside {@code toolUse.input}.
 * Bedrock streams are AWS event streams, rewritten by {@link ConverseStreamRewrite}, never SSE.
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
    throw new UnsupportedOperationException("Bedrock streams are not SSE");
  }

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    throw new UnsupportedOperationException("Bedrock streams are not SSE");
  }

  @Override
  public byte[] errorEvent(byte[] errorBody) {
    throw new UnsupportedOperationException("Bedrock streams are not SSE");
  }
}
