package dev.warden.agent.wire.gemini;

import static dev.warden.agent.wire.json.JsonFields.integer;
import static dev.warden.agent.wire.json.JsonFields.isTrue;
import static dev.warden.agent.wire.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Completion text of the Gemini API: the {@code text} of each {@code candidates[].content.parts[]}
 * entry and the string values inside each part's {@code functionCall.args} object (keys are left
 * as they are). Every stream event is a whole GenerateContentResponse carrying the next piece of
 * each candidate's text: one channel per candidate {@code index} and kind (thought summaries
 * apart from the answer), ended by the event that carries the candidate's {@code finishReason},
 * or by the end of the body, since the stream has no end event. Function calls arrive whole in one
 * event and are rewritten there.
 */
public final class GeminiTexts implements CompletionTexts {

  public static final GeminiTexts INSTANCE = new GeminiTexts();

  /** The stream channel of one candidate's answer text, or of its thought summary. */
  private record TextChannel(int candidate, boolean thought) {}

  private GeminiTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> texts, List<JsonNode> jsonTexts) {
    JsonNode candidates = root.get("candidates");
    if (candidates == null || !candidates.isArray()) {
      return;
    }
    for (JsonNode candidate : candidates) {
      for (JsonNode part : partsOf(candidate)) {
        JsonNode text = part.get("text");
        if (text != null) {
          texts.add(text);
        }
        collectStrings(args(part), texts);
      }
    }
  }

  @Override
  public boolean onEvent(String name, JsonNode data, byte[] raw, StreamEdit edit) {
    if (data == null || !data.isObject()) {
      return false;
    }
    JsonNode candidates = data.get("candidates");
    if (candidates == null || !candidates.isArray()) {
      return true;
    }
    for (int i = 0, n = candidates.size(); i < n; i++) {
      JsonNode candidate = candidates.get(i);
      Integer index = integer(candidate, "index");
      onCandidate(index != null ? index : i, candidate, edit);
    }
    return true;
  }

  /**
   * Feeds the candidate's text parts to their channels; the last text of each channel in an event
   * that finishes the candidate also gets what was held back, and a channel with no text in that
   * event ends with an extra event before it.
   */
  private static void onCandidate(int index, JsonNode candidate, StreamEdit edit) {
    JsonNode finish = candidate.get("finishReason");
    boolean finished = finish != null && !finish.isNull();
    // [answer, thought]: the last text node of each channel in this event and what it releases
    JsonNode[] last = new JsonNode[2];
    String[] released = new String[2];
    for (JsonNode part : partsOf(candidate)) {
      JsonNode text = part.get("text");
      if (text != null && text.isTextual()) {
        int kind = isTrue(part, "thought") ? 1 : 0;
        if (last[kind] != null) {
          edit.replace(last[kind], released[kind]);
        }
        last[kind] = text;
        released[kind] = edit.feed(new TextChannel(index, kind == 1), text.textValue());
      }
      List<JsonNode> strings = new ArrayList<>(0);
      collectStrings(args(part), strings);
      for (JsonNode value : strings) {
        edit.rewrite(value);
      }
    }
    for (int kind = 0; kind < 2; kind++) {
      TextChannel channel = new TextChannel(index, kind == 1);
      if (last[kind] != null) {
        edit.replace(last[kind], finished ? released[kind] + edit.finish(channel) : released[kind]);
      } else if (finished) {
        edit.end(channel);
      }
    }
  }

  /** A copy of the channel's last event that carries only {@code text} in its candidate, with no finish reason or usage. */
  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    TextChannel target = (TextChannel) channel;
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    ArrayNode candidates = JsonNodeFactory.instance.arrayNode();
    JsonNode original = template.get("candidates");
    for (int i = 0, n = original.size(); i < n; i++) {
      JsonNode candidate = original.get(i);
      Integer index = integer(candidate, "index");
      if ((index != null ? index : i) == target.candidate()) {
        ObjectNode kept = candidates.addObject();
        ObjectNode content = kept.putObject("content");
        ObjectNode part = content.putArray("parts").addObject().put("text", text);
        if (target.thought()) {
          part.put("thought", true);
        }
        String role = text(candidate.path("content"), "role");
        if (role != null) {
          content.put("role", role);
        }
        if (index != null) {
          kept.put("index", index);
        }
        break;
      }
    }
    copy.set("candidates", candidates);
    copy.remove("usageMetadata");
    return copy;
  }

  /**
   * {@code data: {"error":{"code":…,"message":…,"status":…}}}, no event name: google-genai raises
   * an event with an {@code error} member as its own {@code ClientException}.
   */
  @Override
  public byte[] errorEvent(byte[] errorBody) {
    byte[] head = "data: ".getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + errorBody.length + 2);
    System.arraycopy(errorBody, 0, out, head.length, errorBody.length);
    out[out.length - 2] = '\n';
    out[out.length - 1] = '\n';
    return out;
  }

  private static JsonNode partsOf(JsonNode candidate) {
    JsonNode content = candidate.get("content");
    JsonNode parts = content == null ? null : content.get("parts");
    return parts != null && parts.isArray() ? parts : JsonNodeFactory.instance.arrayNode();
  }

  private static JsonNode args(JsonNode part) {
    JsonNode call = GeminiAdapter.member(part, "functionCall", "function_call");
    return call == null ? null : call.get("args");
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
}
