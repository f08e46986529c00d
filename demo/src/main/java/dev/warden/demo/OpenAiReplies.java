package dev.warden.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * OpenAI's wire formats, as the real API sends them: Chat Completions (JSON and {@code data:}-only
 * SSE ending in {@code [DONE]}), Responses (JSON and typed SSE events) and Embeddings; a tool call
 * streams its arguments in fragments cut anywhere, as the API does.
 */
final class OpenAiReplies {

  /** Chars per streamed fragment of tool call arguments. */
  private static final int ARGUMENT_FRAGMENT = 5;

  private OpenAiReplies() {}

  static ObjectNode chatCompletion(Completion c) {
    ObjectNode message = object().put("role", "assistant");
    if (c.isToolCall()) {
      message.putNull("content");
      message.putArray("tool_calls").add(chatToolCall(c, null, c.text()));
    } else {
      message.put("content", c.text());
    }
    message.putNull("refusal");
    message.putArray("annotations");
    ObjectNode choice = object().put("index", 0);
    choice.set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", c.isToolCall() ? "tool_calls" : "stop");
    ObjectNode root = chatEnvelope(c, "chat.completion");
    root.putArray("choices").add(choice);
    root.set("usage", chatUsage(c));
    return root;
  }

  /**
   * Role first, then one delta per piece (for a tool call: the call's id and name, then its argument
   * fragments), then finish_reason, then (when asked) a usage chunk with no choices.
   */
  static void streamChatCompletion(SseWriter sse, Completion c, boolean includeUsage) throws IOException {
    if (c.isToolCall()) {
      ObjectNode first = object().put("role", "assistant").putNull("content");
      first.putArray("tool_calls").add(chatToolCall(c, 0, ""));
      sse.data(chatChunk(c, first.putNull("refusal"), null, includeUsage));
      for (String fragment : TextChunks.fragments(c.text(), ARGUMENT_FRAGMENT)) {
        ObjectNode delta = object();
        delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", fragment);
        sse.data(chatChunk(c, delta, null, includeUsage));
      }
    } else {
      sse.data(chatChunk(c, object().put("role", "assistant").put("content", "").putNull("refusal"), null, includeUsage));
      for (String piece : TextChunks.pieces(c.text())) {
        sse.data(chatChunk(c, object().put("content", piece), null, includeUsage));
      }
    }
    sse.data(chatChunk(c, object(), c.isToolCall() ? "tool_calls" : "stop", includeUsage));
    if (includeUsage) {
      ObjectNode last = chatEnvelope(c, "chat.completion.chunk");
      last.putArray("choices");
      last.set("usage", chatUsage(c));
      sse.data(last);
    }
    sse.data("[DONE]");
  }

  /** A tool call; a stream's first delta of it has an {@code index}, a message's has none. */
  private static ObjectNode chatToolCall(Completion c, Integer index, String arguments) {
    ObjectNode call = object();
    if (index != null) {
      call.put("index", index);
    }
    call.put("id", "call_" + c.id()).put("type", "function");
    call.putObject("function").put("name", c.toolName()).put("arguments", arguments);
    return call;
  }

  private static ObjectNode chatChunk(Completion c, ObjectNode delta, String finishReason, boolean includeUsage) {
    ObjectNode choice = object().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    ObjectNode chunk = chatEnvelope(c, "chat.completion.chunk");
    chunk.putArray("choices").add(choice);
    if (includeUsage) {
      chunk.putNull("usage");
    }
    return chunk;
  }

  private static ObjectNode chatEnvelope(Completion c, String object) {
    return object()
        .put("id", "chatcmpl-" + c.id())
        .put("object", object)
        .put("created", c.created())
        .put("model", c.model())
        .put("service_tier", "default")
        .put("system_fingerprint", "fp_warden_fake");
  }

  private static ObjectNode chatUsage(Completion c) {
    ObjectNode usage = object()
        .put("prompt_tokens", c.inputTokens())
        .put("completion_tokens", c.outputTokens())
        .put("total_tokens", c.inputTokens() + c.outputTokens());
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    usage.putObject("completion_tokens_details")
        .put("reasoning_tokens", 0)
        .put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0)
        .put("rejected_prediction_tokens", 0);
    return usage;
  }

  static ObjectNode response(Completion c) {
    return responseObject(c, "completed", List.of(c.isToolCall()
        ? functionCallItem(c, "completed", c.text())
        : messageItem(c, "completed", c.text())));
  }

  /** The event sequence of a single text message or function call, each event numbered by {@code sequence_number}. */
  static void streamResponse(SseWriter sse, Completion c) throws IOException {
    if (c.isToolCall()) {
      streamFunctionCall(sse, c);
      return;
    }
    ResponseEvents events = new ResponseEvents(sse);
    String itemId = "msg_" + c.id();
    events.send("response.created", object().set("response", responseObject(c, "in_progress", List.of())));
    events.send("response.in_progress", object().set("response", responseObject(c, "in_progress", List.of())));
    events.send("response.output_item.added",
        object().put("output_index", 0).set("item", messageItem(c, "in_progress", null)));
    events.send("response.content_part.added", partEvent(itemId).set("part", outputText("")));
    for (String piece : TextChunks.pieces(c.text())) {
      ObjectNode delta = partEvent(itemId).put("delta", piece);
      delta.putArray("logprobs");
      events.send("response.output_text.delta", delta);
    }
    ObjectNode done = partEvent(itemId).put("text", c.text());
    done.putArray("logprobs");
    events.send("response.output_text.done", done);
    events.send("response.content_part.done", partEvent(itemId).set("part", outputText(c.text())));
    events.send("response.output_item.done",
        object().put("output_index", 0).set("item", messageItem(c, "completed", c.text())));
    events.send("response.completed", object().set("response", response(c)));
  }

  private static void streamFunctionCall(SseWriter sse, Completion c) throws IOException {
    ResponseEvents events = new ResponseEvents(sse);
    String itemId = "fc_" + c.id();
    events.send("response.created", object().set("response", responseObject(c, "in_progress", List.of())));
    events.send("response.in_progress", object().set("response", responseObject(c, "in_progress", List.of())));
    events.send("response.output_item.added",
        object().put("output_index", 0).set("item", functionCallItem(c, "in_progress", "")));
    for (String fragment : TextChunks.fragments(c.text(), ARGUMENT_FRAGMENT)) {
      events.send("response.function_call_arguments.delta",
          object().put("item_id", itemId).put("output_index", 0).put("delta", fragment));
    }
    events.send("response.function_call_arguments.done", object().put("item_id", itemId).put("name", c.toolName())
        .put("output_index", 0).put("arguments", c.text()));
    events.send("response.output_item.done",
        object().put("output_index", 0).set("item", functionCallItem(c, "completed", c.text())));
    events.send("response.completed", object().set("response", response(c)));
  }

  private static ObjectNode functionCallItem(Completion c, String status, String arguments) {
    return object()
        .put("type", "function_call")
        .put("id", "fc_" + c.id())
        .put("call_id", "call_" + c.id())
        .put("name", c.toolName())
        .put("arguments", arguments)
        .put("status", status);
  }

  private static ObjectNode partEvent(String itemId) {
    return object().put("item_id", itemId).put("output_index", 0).put("content_index", 0);
  }

  private static final class ResponseEvents {
    private final SseWriter sse;
    private int sequence;

    ResponseEvents(SseWriter sse) {
      this.sse = sse;
    }

    void send(String type, JsonNode body) throws IOException {
      ObjectNode event = object().put("type", type).put("sequence_number", sequence++);
      event.setAll((ObjectNode) body);
      sse.event(type, event);
    }
  }

  private static ObjectNode responseObject(Completion c, String status, List<ObjectNode> output) {
    ObjectNode root = object()
        .put("id", "resp_" + c.id())
        .put("object", "response")
        .put("created_at", c.created())
        .put("status", status)
        .put("background", false);
    root.putNull("error");
    root.putNull("incomplete_details");
    root.putNull("instructions");
    root.putNull("max_output_tokens");
    root.put("model", c.model());
    root.putArray("output").addAll(output);
    root.put("parallel_tool_calls", true);
    root.putNull("previous_response_id");
    root.putObject("reasoning").putNull("effort").putNull("summary");
    root.put("service_tier", "default").put("store", true).put("temperature", 1.0);
    root.putObject("text").putObject("format").put("type", "text");
    root.put("tool_choice", "auto");
    root.putArray("tools");
    root.put("top_p", 1.0).put("truncation", "disabled");
    if (status.equals("completed")) {
      ObjectNode usage = root.putObject("usage").put("input_tokens", c.inputTokens());
      usage.putObject("input_tokens_details").put("cached_tokens", 0).put("cache_write_tokens", 0);
      usage.put("output_tokens", c.outputTokens());
      usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
      usage.put("total_tokens", c.inputTokens() + c.outputTokens());
    } else {
      root.putNull("usage");
    }
    root.putNull("user");
    root.putObject("metadata");
    return root;
  }

  /** A message output item; {@code text == null} gives the empty item that opens a stream. */
  private static ObjectNode messageItem(Completion c, String status, String text) {
    ObjectNode item = object()
        .put("type", "message")
        .put("id", "msg_" + c.id())
        .put("status", status)
        .put("role", "assistant");
    ArrayNode content = item.putArray("content");
    if (text != null) {
      content.add(outputText(text));
    }
    return item;
  }

  private static ObjectNode outputText(String text) {
    ObjectNode part = object().put("type", "output_text").put("text", text);
    part.putArray("annotations");
    part.putArray("logprobs");
    return part;
  }

  /**
   * One embedding per input string (a single string counts as one), derived from its text so that
   * equal inputs get equal vectors; base64 is little-endian float32, as the API sends it.
   */
  static ObjectNode embeddings(String model, JsonNode input, boolean base64) {
    ObjectNode root = object().put("object", "list");
    ArrayNode data = root.putArray("data");
    List<JsonNode> inputs = input.isArray() ? listOf(input) : List.of(input);
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      String text = inputs.get(i).isTextual() ? inputs.get(i).asText() : inputs.get(i).toString();
      tokens += TextChunks.tokens(text);
      float[] vector = vectorOf(text);
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      if (base64) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
          bytes.putFloat(v);
        }
        item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float v : vector) {
          values.add(v);
        }
      }
    }
    root.put("model", model);
    root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return root;
  }

  private static List<JsonNode> listOf(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static float[] vectorOf(String text) {
    float[] vector = new float[8];
    for (int i = 0; i < text.length(); i++) {
      vector[i % vector.length] += (text.charAt(i) % 31) / 31f;
    }
    return vector;
  }

  static ObjectNode error(String type, String message) {
    ObjectNode root = object();
    root.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
    return root;
  }

  private static ObjectNode object() {
    return PromptText.JSON.createObjectNode();
  }
}
