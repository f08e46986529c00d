package dev.warden.agent.wire.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.util.List;

/**
 * Completion text of the non-Anthropic InvokeModel responses: {@code generation} (Llama),
 * {@code results[].outputText} (Titan), {@code output.message.content[].text} (Nova),
 * {@code outputs[].text} (Mistral), {@code choices[].message.content} (Mistral chat),
 * {@code text} and {@code generations[].text} (Cohere).
 */
final class InvokeTexts implements CompletionTexts {

  static final InvokeTexts INSTANCE = new InvokeTexts();

  private InvokeTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> texts, List<JsonNode> jsonTexts) {
    ConverseTexts.INSTANCE.collect(root, texts, jsonTexts);
    add(root.get("generation"), texts);
    add(root.get("text"), texts);
    for (JsonNode result : root.path("results")) {
      add(result.get("outputText"), texts);
    }
    for (JsonNode output : root.path("outputs")) {
      add(output.get("text"), texts);
    }
    for (JsonNode generation : root.path("generations")) {
      add(generation.get("text"), texts);
    }
    for (JsonNode choice : root.path("choices")) {
      add(choice.path("message").get("content"), texts);
    }
  }

  private static void add(JsonNode node, List<JsonNode> texts) {
    if (node != null && node.isTextual()) {
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
