package dev.warden.it.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * An application that calls an OpenAI-compatible {@code /chat/completions} with Spring's blocking
 * {@code RestClient} on Reactor Netty ({@code ReactorClientHttpRequestFactory}, what Spring Boot
 * gives it with spring-boot-starter-webflux): plain calls read whole, streams read line by line as
 * they arrive. Arguments: base URL, API key.
 */
public final class RestClientDriver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient client;

  private RestClientDriver(String baseUrl, String apiKey) {
    this.client = RestClient.builder().requestFactory(new ReactorClientHttpRequestFactory()).baseUrl(baseUrl)
        .defaultHeader("Authorization", "Bearer " + apiKey).build();
  }

  public static void main(String[] args) throws Exception {
    // which request factory this JVM's RestClient runs on
    System.err.println("driver: " + ReactorClientHttpRequestFactory.class.getSimpleName());
    DriverLoop.serve(new RestClientDriver(args[0], args[1]));
  }

  @Override
  public String chat(String model, String prompt) throws IOException {
    return completion(model, prompt, false).path("content").asText();
  }

  @Override
  public String stream(String model, String prompt) throws IOException {
    return streamed(request(model, prompt, false), "content");
  }

  @Override
  public String tool(String model, String prompt) throws IOException {
    return textArgument(completion(model, prompt, true).path("tool_calls").path(0).path("function")
        .path("arguments").asText());
  }

  @Override
  public String toolStream(String model, String prompt) throws IOException {
    return textArgument(streamed(request(model, prompt, true), "arguments"));
  }

  @Override
  public String describe(Throwable error) {
    if (!(error instanceof RestClientResponseException e)) {
      return null;
    }
    String body = e.getResponseBodyAsString();
    return DriverLoop.errorFields(e.getStatusCode().value(), e, code(body),
        e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("x-warden-decision"),
        e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("retry-after"), body);
  }

  /** The message of a plain call's first choice. */
  private JsonNode completion(String model, String prompt, boolean tool) throws IOException {
    String body = client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
        .body(JSON.writeValueAsString(request(model, prompt, tool)))
        .retrieve().body(String.class);
    return JSON.readTree(body).path("choices").path(0).path("message");
  }

  /**
   * Reads an event stream as it arrives and joins its deltas' {@code content}, or its tool call's
   * {@code arguments}; requires the usage chunk.
   */
  private String streamed(ObjectNode request, String field) throws IOException {
    request.put("stream", true).putObject("stream_options").put("include_usage", true);
    return client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .body(JSON.writeValueAsString(request))
        .exchange((sent, response) -> {
          if (response.getStatusCode().isError()) {
            throw HttpClientErrorException.create(response.getStatusCode(), response.getStatusText(),
                response.getHeaders(), response.getBody().readAllBytes(), StandardCharsets.UTF_8);
          }
          StringBuilder text = new StringBuilder();
          boolean usage = false;
          BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.startsWith("data:") || line.substring(5).trim().equals("[DONE]")) {
              continue;
            }
            JsonNode chunk = JSON.readTree(line.substring(5));
            usage |= chunk.path("usage").isObject();
            JsonNode delta = chunk.path("choices").path(0).path("delta");
            JsonNode piece = field.equals("content") ? delta.path("content")
                : delta.path("tool_calls").path(0).path("function").path("arguments");
            if (piece.isTextual()) {
              text.append(piece.asText());
            }
          }
          return usage ? text.toString() : "FAILURE|the stream had no usage chunk: " + text;
        });
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

  private static String code(String body) {
    try {
      return JSON.readTree(body).path("error").path("code").asText(null);
    } catch (IOException e) {
      return null;
    }
  }
}
