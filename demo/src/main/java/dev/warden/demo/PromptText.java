package dev.warden.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the text of the last user message from a provider request body: OpenAI Chat Completions
 * ({@code messages}), OpenAI Responses ({@code input}), OpenAI Embeddings ({@code input}),
 * Anthropic Messages ({@code messages}) and the Gemini API ({@code contents}, for a path with a
 * {@code :} action). Text parts of one message are joined with a single space.
 * Also reads the system prompt of such a body.
 */
public final class PromptText {

  static final ObjectMapper JSON = new ObjectMapper();

  private PromptText() {}

  /** The last user text of a JSON body sent to {@code path}; empty when there is none or the body is not JSON. */
  public static String lastUserText(String path, String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return "";
    }
    return root == null ? "" : lastUserText(path, root);
  }

  static String lastUserText(String path, JsonNode root) {
    if (isGemini(path)) {
      return lastGeminiUserText(root.path("contents"));
    }
    if (path.endsWith("/responses") || path.endsWith("/embeddings")) {
      return lastUserInput(root.path("input"));
    }
    if (root.has("prompt")) {
      return root.path("prompt").asText(""); // Bedrock InvokeModel of the Llama family
    }
    return lastUserMessage(root.path("messages"));
  }

  /**
   * The system prompt of a JSON body sent to {@code path}, its pieces joined with a newline: the
   * {@code system} and {@code developer} messages of Chat Completions, the {@code instructions} and
   * {@code system} / {@code developer} input items of Responses, the {@code system} string or text
   * blocks of Anthropic Messages. Empty when there is none.
   */
  static String systemText(String path, JsonNode root) {
    StringBuilder text = new StringBuilder();
    if (isGemini(path)) {
      return partsText(root.path("systemInstruction").path("parts"));
    }
    if (path.endsWith("/messages") || path.startsWith("/model/")) {
      append(text, contentText(root.path("system")));
      return text.toString();
    }
    if (path.endsWith("/responses")) {
      append(text, root.path("instructions").asText(""));
    }
    JsonNode items = path.endsWith("/responses") ? root.path("input") : root.path("messages");
    for (JsonNode item : items) {
      String role = item.path("role").asText();
      if (role.equals("system") || role.equals("developer")) {
        append(text, contentText(item.path("content")));
      }
    }
    return text.toString();
  }

  /** Gemini paths name an action after the model: {@code …/models/MODEL:generateContent}. */
  static boolean isGemini(String path) {
    return path.contains("/models/") && path.indexOf(':', path.indexOf("/models/")) > 0;
  }

  /** The text of the last {@code contents} item from the user (no role is the user) that has text. */
  private static String lastGeminiUserText(JsonNode contents) {
    for (int i = contents.size() - 1; i >= 0; i--) {
      JsonNode content = contents.get(i);
      String role = content.path("role").asText("user");
      String text = partsText(content.path("parts"));
      if (role.equals("user") && !text.isEmpty()) {
        return text;
      }
    }
    return "";
  }

  private static String partsText(JsonNode parts) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : parts) {
      if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(part.path("text").asText());
      }
    }
    return text.toString();
  }

  private static void append(StringBuilder text, String piece) {
    if (!piece.isEmpty()) {
      text.append(text.length() > 0 ? "\n" : "").append(piece);
    }
  }

  private static String lastUserMessage(JsonNode messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      if ("user".equals(message.path("role").asText())) {
        return contentText(message.path("content"));
      }
    }
    return "";
  }

  /** Responses and Embeddings accept a plain string, a list of strings or a list of input items. */
  private static String lastUserInput(JsonNode input) {
    if (input.isTextual()) {
      return input.asText();
    }
    for (int i = input.size() - 1; i >= 0; i--) {
      JsonNode item = input.get(i);
      if (item.isTextual()) {
        return item.asText();
      }
      if ("user".equals(item.path("role").asText())) {
        return contentText(item.path("content"));
      }
    }
    return "";
  }

  /** A content field is a string or a list of typed parts; only text parts count. */
  private static String contentText(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      String type = part.path("type").asText();
      // Bedrock Converse blocks carry no type: {"text": …}
      if (type.equals("text") || type.equals("input_text") || type.isEmpty() && part.has("text")) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(part.path("text").asText());
      }
    }
    return text.toString();
  }
}
