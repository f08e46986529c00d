package dev.warden.it.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An application that calls an OpenAI-compatible {@code /chat/completions} with a plain HTTP
 * client, as hand-written clients and gateways do: what it sends and how it reads the answer are
 * the same whatever the client; a subclass says only how its client posts.
 */
abstract class ChatCompletionsDriver implements DriverLoop.Client {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Posts a request body to {@code /chat/completions}; answers a 200's body, throws the client's error otherwise. */
  protected abstract String post(String requestJson) throws Exception;

  /** Posts a streamed request and feeds the event stream to {@code deltas} as it arrives; throws as {@link #post}. */
  protected abstract void postStream(String requestJson, DeltaJoiner deltas) throws Exception;

  @Override
  public String chat(String model, String prompt) throws Exception {
    return completion(model, prompt, false).path("content").asText();
  }

  @Override
  public String stream(String model, String prompt) throws Exception {
    return streamed(request(model, prompt, false), "content");
  }

  @Override
  public String tool(String model, String prompt) throws Exception {
    return textArgument(completion(model, prompt, true).path("tool_calls").path(0).path("function")
        .path("arguments").asText());
  }

  @Override
  public String toolStream(String model, String prompt) throws Exception {
    return textArgument(streamed(request(model, prompt, true), "arguments"));
  }

  /** The {@code error.code} of an OpenAI-shaped error body, or null. */
  static String errorCode(String body) {
    try {
      return JSON.readTree(body).path("error").path("code").asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The message of a plain call's first choice. */
  private JsonNode completion(String model, String prompt, boolean tool) throws Exception {
    return JSON.readTree(post(JSON.writeValueAsString(request(model, prompt, tool))))
        .path("choices").path(0).path("message");
  }

  /** Joins the stream's deltas' {@code content}, or its tool call's {@code arguments}; requires the usage chunk. */
  private String streamed(ObjectNode request, String field) throws Exception {
    request.put("stream", true).putObject("stream_options").put("include_usage", true);
    DeltaJoiner deltas = new DeltaJoiner(field);
    postStream(JSON.writeValueAsString(request), deltas);
    return deltas.result();
  }

  private static ObjectNode request(String model, String prompt, boolean tool) {
    ObjectNode request = JSON.createObjectNode().put("model", model);
    request.putArray("messages").addObject().put("role", "user").put("content", prompt);
    if (tool) {
      ObjectNode function = request.putArray("tools").addObject().put("type", "function").putObject("function");
      function.put("name", "send_email").putObject("parameters").put("type", "object")
          .putObject("properties").putObject("text").put("type", "string");
    }
    return request;
  }

  /** The {@code text} member of the arguments, which must be one JSON object. */
  private static String textArgument(String arguments) throws IOException {
    JsonNode parsed = JSON.readTree(arguments);
    if (parsed == null || !parsed.isObject() || !parsed.path("text").isTextual()) {
      return "FAILURE|arguments are not {\"text\": …}: " + arguments;
    }
    return parsed.get("text").textValue();
  }

  /** The text of one field of a chat completions stream's deltas, joined as the events arrive. */
  static final class DeltaJoiner {
    private final String field;
    private final StringBuilder text = new StringBuilder();
    private boolean usage;

    DeltaJoiner(String field) {
      this.field = field;
    }

    /** Reads an event stream line by line until it ends. */
    void lines(InputStream stream) throws IOException {
      BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        line(line);
      }
    }

    /** One line of the event stream; only {@code data:} lines count. */
    void line(String line) throws IOException {
      if (line.startsWith("data:")) {
        data(line.substring(5));
      }
    }

    /** The data of one event. */
    void data(String data) throws IOException {
      if (data.trim().equals("[DONE]")) {
        return;
      }
      JsonNode chunk = JSON.readTree(data);
      usage |= chunk.path("usage").isObject();
      JsonNode delta = chunk.path("choices").path(0).path("delta");
      JsonNode piece = field.equals("content") ? delta.path("content")
          : delta.path("tool_calls").path(0).path("function").path("arguments");
      if (piece.isTextual()) {
        text.append(piece.asText());
      }
    }

    String result() {
      return usage ? text.toString() : "FAILURE|the stream had no usage chunk: " + text;
    }
  }
}
