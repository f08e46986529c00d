package dev.warden.agent.wire.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.util.List;

/**
 * Completion text of the non-Anthropic InvokeModel responses: {@code generation} (Llama),
 * {@code results[].outputText} (Titan), {@code output.message.content[].text} (Nova),
 * {@code outputs[].text} (Mistral), {@code choices[].message.content} (Mistral chat),
 * {@code text} and {@code generations[].text} (Cohere). Their stream chunks carry the next piece of
 * text in the same field, one channel per field (and array index), which ends with the chunk that
 * has a stop reason ({@code stop_reason}, {@code completionReason}, {@code finish_reason},
 * {@code is_finished}) or Bedrock's invocation metrics: that chunk gets the held-back text. A Nova
 * chunk wraps one Converse stream event ({@code {"contentBlockDelta":{…}}}), read as Converse's.
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
    if (data == null || !data.isObject()) {
      return false;
    }
    for (String event : NOVA_EVENTS) {
      JsonNode wrapped = data.get(event);
      if (wrapped != null) {
        return ConverseTexts.INSTANCE.onEvent(event, wrapped, raw, edit);
      }
    }
    boolean last = data.has("amazon-bedrock-invocationMetrics") || stops(data);
    feed(edit, new Piece("generation", -1), data, last);
    feed(edit, new Piece("outputText", -1), data, last);
    feed(edit, new Piece("text", -1), data, last);
    feedEach(edit, "outputs", data, last);
    feedEach(edit, "generations", data, last);
    feedEach(edit, "choices", data, last);
    edit.rewrite(data.path("response").get("text")); // Cohere Command R's stream-end repeats the whole text
    return true;
  }

  private static final String[] NOVA_EVENTS = {"contentBlockDelta", "contentBlockStop", "messageStop"};

  /** A channel: the text field {@code field}, inside element {@code index} of that array when not -1. */
  private record Piece(String field, int index) {}

  private static void feedEach(StreamEdit edit, String array, JsonNode data, boolean last) {
    JsonNode items = data.get(array);
    if (items == null || !items.isArray()) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      feed(edit, new Piece(array, i), item, last || stops(item));
    }
  }

  /** Feeds the piece's text; on its last chunk, puts the held-back text there too. */
  private static void feed(StreamEdit edit, Piece piece, JsonNode holder, boolean last) {
    JsonNode text = textOf(piece, holder);
    if (text == null || !text.isTextual()) {
      if (last) {
        edit.end(piece);
      }
      return;
    }
    String released = edit.feed(piece, text.textValue());
    edit.replace(text, last ? released + edit.finish(piece) : released);
  }

  private static JsonNode textOf(Piece piece, JsonNode holder) {
    if (piece.index < 0) {
      return holder.get(piece.field);
    }
    return piece.field.equals("choices") ? holder.path("message").get("content") : holder.get("text");
  }

  private static boolean stops(JsonNode node) {
    for (String field : new String[] {"stop_reason", "completionReason", "finish_reason"}) {
      JsonNode reason = node.get(field);
      if (reason != null && !reason.isNull()) {
        return true;
      }
    }
    return node.path("is_finished").asBoolean(false);
  }

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    for (String event : NOVA_EVENTS) {
      if (copy.has(event)) {
        copy.set(event, ConverseTexts.INSTANCE.deltaCopy(channel, copy.get(event), text));
        return copy;
      }
    }
    Piece piece = (Piece) channel;
    if (piece.index < 0) {
      copy.put(piece.field, text);
    } else {
      ObjectNode item = (ObjectNode) copy.get(piece.field).get(piece.index);
      if (piece.field.equals("choices")) {
        item.with("message").put("content", text);
      } else {
        item.put("text", text);
      }
    }
    return copy;
  }

  @Override
  public byte[] errorEvent(byte[] errorBody) {
    throw new UnsupportedOperationException("Bedrock streams are not SSE");
  }
}
