package dev.warden.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes server-sent events to a response body, flushing after each event so clients see them one by one. */
final class SseWriter {

  private final OutputStream out;

  SseWriter(OutputStream out) {
    this.out = out;
  }

  /** An event with an {@code event:} line (Anthropic, OpenAI Responses). */
  void event(String name, JsonNode data) throws IOException {
    write("event: " + name + "\ndata: " + json(data) + "\n\n");
  }

  /** An event with only a {@code data:} line (OpenAI Chat Completions). */
  void data(JsonNode data) throws IOException {
    write("data: " + json(data) + "\n\n");
  }

  /** A raw {@code data:} line, such as OpenAI's closing {@code [DONE]}. */
  void data(String raw) throws IOException {
    write("data: " + raw + "\n\n");
  }

  private void write(String event) throws IOException {
    out.write(event.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String json(JsonNode data) throws JsonProcessingException {
    return PromptText.JSON.writeValueAsString(data);
  }
}
