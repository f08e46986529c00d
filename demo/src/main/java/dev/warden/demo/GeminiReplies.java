package dev.warden.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The Gemini API's wire format, as {@code generateContent} sends it: one GenerateContentResponse,
 * or, for {@code streamGenerateContent?alt=sse}, one per event (a piece of the text each), the
 * last with the finish reason and the usage, and no end event; a function call comes whole in one
 * event. Errors are Google's {@code {"error":{"code","message","status"}}}.
 */
final class GeminiReplies {

  private GeminiReplies() {}

  static ObjectNode response(Completion c) {
    return envelope(c, c.isToolCall() ? functionCall(c) : text(c.text()), true);
  }

  static void streamResponse(SseWriter sse, Completion c) throws IOException {
    if (c.isToolCall()) {
      sse.data(envelope(c, functionCall(c), true));
      return;
    }
    var pieces = TextChunks.pieces(c.text());
    for (int i = 0; i < pieces.size(); i++) {
      sse.data(envelope(c, text(pieces.get(i)), i == pieces.size() - 1));
    }
  }

  private static ObjectNode envelope(Completion c, ObjectNode part, boolean last) {
    ObjectNode root = PromptText.JSON.createObjectNode();
    ObjectNode candidate = root.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    content.putArray("parts").add(part);
    content.put("role", "model");
    if (last) {
      candidate.put("finishReason", "STOP");
    }
    candidate.put("index", 0);
    ObjectNode usage = root.putObject("usageMetadata").put("promptTokenCount", c.inputTokens());
    if (last) {
      usage.put("candidatesTokenCount", c.outputTokens());
    }
    usage.put("totalTokenCount", c.inputTokens() + (last ? c.outputTokens() : 0));
    root.put("modelVersion", c.model());
    root.put("responseId", c.id());
    return root;
  }

  private static ObjectNode text(String text) {
    return PromptText.JSON.createObjectNode().put("text", text);
  }

  private static ObjectNode functionCall(Completion c) {
    ObjectNode part = PromptText.JSON.createObjectNode();
    ObjectNode call = part.putObject("functionCall").put("name", c.toolName());
    try {
      call.set("args", PromptText.JSON.readTree(c.text()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("function call args are not JSON", e);
    }
    return part;
  }

  /** The name of the first function a request declares, or null. */
  static String firstFunctionName(JsonNode request) {
    JsonNode tools = request.path("tools");
    for (JsonNode tool : tools instanceof ArrayNode ? tools : PromptText.JSON.createArrayNode()) {
      String name = tool.path("functionDeclarations").path(0).path("name").asText("");
      if (!name.isEmpty()) {
        return name;
      }
    }
    return null;
  }

  static ObjectNode error(int code, String status, String message) {
    ObjectNode root = PromptText.JSON.createObjectNode();
    root.putObject("error").put("code", code).put("message", message).put("status", status);
    return root;
  }
}
