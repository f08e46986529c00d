package dev.warden.agent.wire.openai;

import static dev.warden.agent.wire.json.JsonFields.hasType;
import static dev.warden.agent.wire.json.JsonFields.integer;
import static dev.warden.agent.wire.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.StreamEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Completion text of Responses: the {@code text} of each {@code output_text} part of the
 * {@code output} items, the {@code arguments} (JSON text) of each {@code function_call} item and
 * the {@code input} (free text) of each {@code custom_tool_call} item. In a stream,
 * {@code response.output_text.delta} events feed one channel per {@code output_index} and
 * {@code content_index}, ended by {@code response.output_text.done};
 * {@code response.function_call_arguments.delta} events one JSON text channel per
 * {@code output_index}, ended by {@code response.function_call_arguments.done}; and
 * {@code response.custom_tool_call_input.delta} events one channel per {@code output_index}, ended
 * by {@code response.custom_tool_call_input.done}. The whole texts, arguments and inputs repeated
 * by the done, {@code content_part}, {@code output_item} and response events
 * ({@code response.completed} is what the SDK accumulators keep) are rewritten whole, so they agree
 * with the deltas. Annotation offsets into the text are not adjusted. The {@code instructions}
 * that a response object repeats from the request are request echoes.
 */
public final class ResponseTexts implements CompletionTexts {

  public static final ResponseTexts INSTANCE = new ResponseTexts();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The stream channel of the arguments of the function call at one output index. */
  private record Arguments(int outputIndex) {}

  /** The stream channel of the input (free text) of the custom tool call at one output index. */
  private record CustomInput(int outputIndex) {}

  private ResponseTexts() {}

  @Override
  public void collect(JsonNode root, List<JsonNode> texts, List<JsonNode> jsonTexts) {
    JsonNode output = root.get("output");
    if (output == null || !output.isArray()) {
      return;
    }
    for (JsonNode item : output) {
      collectItem(item, texts, jsonTexts);
    }
  }

  @Override
  public void collectEchoes(JsonNode root, List<JsonNode> echoes) {
    JsonNode instructions = root.get("instructions");
    if (instructions != null && instructions.isTextual()) {
      echoes.add(instructions);
    }
  }

  private static void collectItem(JsonNode item, List<JsonNode> texts, List<JsonNode> jsonTexts) {
    if (hasType(item, "function_call")) {
      JsonNode arguments = item.get("arguments");
      if (arguments != null) {
        jsonTexts.add(arguments);
      }
      return;
    }
    if (hasType(item, "custom_tool_call")) {
      JsonNode input = item.get("input");
      if (input != null) {
        texts.add(input);
      }
      return;
    }
    JsonNode content = item.get("content");
    if (content == null || !content.isArray()) {
      return;
    }
    for (JsonNode part : content) {
      collectPart(part, texts);
    }
  }

  private static void collectPart(JsonNode part, List<JsonNode> out) {
    if (hasType(part, "output_text")) {
      out.add(part.get("text"));
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
    Integer output = integer(data, "output_index");
    switch (type == null ? "" : type) {
      case "response.output_text.delta" -> {
        Long channel = channel(data);
        if (channel != null) {
          edit.feedInPlace(channel, data.get("delta"));
        }
      }
      case "response.output_text.done" -> {
        Long channel = channel(data);
        if (channel != null) {
          edit.end(channel);
        }
        edit.rewrite(data.get("text"));
      }
      case "response.function_call_arguments.delta" -> {
        if (output != null) {
          edit.feedJsonTextInPlace(new Arguments(output), data.get("delta"));
        }
      }
      case "response.function_call_arguments.done" -> {
        if (output != null) {
          edit.end(new Arguments(output));
        }
        edit.rewriteJsonText(data.get("arguments"));
      }
      case "response.custom_tool_call_input.delta" -> {
        if (output != null) {
          edit.feedInPlace(new CustomInput(output), data.get("delta"));
        }
      }
      case "response.custom_tool_call_input.done" -> {
        if (output != null) {
          edit.end(new CustomInput(output));
        }
        edit.rewrite(data.get("input"));
      }
      case "response.completed", "response.incomplete", "response.failed" -> {
        edit.endAll();
        rewriteWhole(data, edit);
      }
      default -> rewriteWhole(data, edit);
    }
    return true;
  }

  /** The whole texts and arguments that other events repeat: a part, an output item, or a response's output. */
  private static void rewriteWhole(JsonNode data, StreamEdit edit) {
    ArrayList<JsonNode> texts = new ArrayList<>(0);
    ArrayList<JsonNode> jsonTexts = new ArrayList<>(0);
    JsonNode part = data.get("part");
    if (part != null) {
      collectPart(part, texts);
    }
    JsonNode item = data.get("item");
    if (item != null) {
      collectItem(item, texts, jsonTexts);
    }
    JsonNode response = data.get("response");
    if (response != null) {
      INSTANCE.collect(response, texts, jsonTexts);
      edit.restoreEcho(response.get("instructions"));
    }
    for (JsonNode text : texts) {
      edit.rewrite(text);
    }
    for (JsonNode arguments : jsonTexts) {
      edit.rewriteJsonText(arguments);
    }
  }

  private static Long channel(JsonNode data) {
    Integer output = integer(data, "output_index");
    Integer content = integer(data, "content_index");
    if (output == null || content == null) {
      return null;
    }
    return ((long) output << 32) | (content & 0xFFFFFFFFL);
  }

  @Override
  public JsonNode deltaCopy(Object channel, JsonNode template, String text) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    copy.put("delta", text);
    if (copy.has("logprobs") && copy.get("logprobs").isArray()) {
      copy.putArray("logprobs");
    }
    return copy;
  }

  /**
   * The Responses {@code error} event ({@code type}, {@code code}, {@code message}, {@code param}),
   * for clients that dispatch on the type, which also carries the OpenAI {@code error} object:
   * openai-java throws its {@code SseException} for any event with an {@code error} member, but
   * hands a plain error event to the application as one more event.
   */
  @Override
  public byte[] errorEvent(byte[] errorBody) {
    try {
      JsonNode error = MAPPER.readTree(errorBody).path("error");
      ObjectNode event = MAPPER.createObjectNode()
          .put("type", "error")
          .put("code", error.path("code").asText())
          .put("message", error.path("message").asText())
          .putNull("param");
      event.set("error", error);
      return CompletionTexts.event("error", MAPPER.writeValueAsBytes(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
