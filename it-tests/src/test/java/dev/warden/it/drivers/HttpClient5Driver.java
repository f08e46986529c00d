package dev.warden.it.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * An application that calls an OpenAI-compatible {@code /chat/completions} directly with Apache
 * HttpClient 5, as hand-written clients and gateways do: plain calls through the default client
 * ({@code InternalHttpClient}) with a response handler, streams through the minimal client
 * ({@code MinimalHttpClient}) with {@code executeOpen}, read line by line. Arguments: base URL,
 * API key.
 */
public final class HttpClient5Driver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  private final CloseableHttpClient client = HttpClients.createDefault();
  private final CloseableHttpClient minimal = HttpClients.createMinimal();

  private HttpClient5Driver(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    // which httpclient5 jar this JVM runs, for the tests that swap it
    System.err.println("driver: " + Path.of(CloseableHttpClient.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).getFileName());
    DriverLoop.serve(new HttpClient5Driver(args[0], args[1]));
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
    if (!(error instanceof OpenAiError e)) {
      return null;
    }
    return DriverLoop.errorFields(e.status, e, e.code(), e.decision, e.retryAfter, e.body);
  }

  /** The message of a plain call's first choice. */
  private JsonNode completion(String model, String prompt, boolean tool) throws IOException {
    HttpPost post = post(request(model, prompt, tool));
    return client.execute(post, response -> {
      String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
      if (response.getCode() != 200) {
        throw new OpenAiError(response, body);
      }
      return JSON.readTree(body).path("choices").path(0).path("message");
    });
  }

  /**
   * Reads an event stream as it arrives and joins its deltas' {@code content}, or its tool call's
   * {@code arguments}; requires the usage chunk.
   */
  private String streamed(ObjectNode request, String field) throws IOException {
    request.put("stream", true).putObject("stream_options").put("include_usage", true);
    // the minimal client routes nothing itself: it needs the target host
    try (ClassicHttpResponse response = minimal.executeOpen(HttpHost.create(URI.create(baseUrl)), post(request), null)) {
      if (response.getCode() != 200) {
        throw new OpenAiError(response, new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8));
      }
      StringBuilder text = new StringBuilder();
      boolean usage = false;
      BufferedReader lines = new BufferedReader(new InputStreamReader(response.getEntity().getContent(),
          StandardCharsets.UTF_8));
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
    }
  }

  private ObjectNode request(String model, String prompt, boolean tool) {
    ObjectNode request = JSON.createObjectNode().put("model", model);
    request.putArray("messages").addObject().put("role", "user").put("content", prompt);
    if (tool) {
      ObjectNode function = request.putArray("tools").addObject().put("type", "function").putObject("function");
      function.put("name", "send_email").putObject("parameters").put("type", "object")
          .putObject("properties").putObject("text").put("type", "string");
    }
    return request;
  }

  private HttpPost post(ObjectNode request) throws IOException {
    HttpPost post = new HttpPost(baseUrl + "/chat/completions");
    post.setHeader("Authorization", "Bearer " + apiKey);
    post.setEntity(new StringEntity(JSON.writeValueAsString(request), ContentType.APPLICATION_JSON));
    return post;
  }

  /** The {@code text} member of the arguments, which must be one JSON object. */
  private static String textArgument(String arguments) throws IOException {
    JsonNode parsed = JSON.readTree(arguments);
    if (parsed == null || !parsed.isObject() || !parsed.path("text").isTextual()) {
      return "FAILURE|arguments are not {\"text\": …}: " + arguments;
    }
    return parsed.get("text").textValue();
  }

  /** What this application throws for an HTTP error answer: the status, two headers and the body. */
  static final class OpenAiError extends IOException {
    final int status;
    final String decision;
    final String retryAfter;
    final String body;

    OpenAiError(HttpResponse response, String body) {
      super("HTTP " + response.getCode());
      this.status = response.getCode();
      this.decision = value(response.getFirstHeader("x-warden-decision"));
      this.retryAfter = value(response.getFirstHeader("retry-after"));
      this.body = body;
    }

    String code() {
      try {
        return JSON.readTree(body).path("error").path("code").asText(null);
      } catch (IOException e) {
        return null;
      }
    }

    private static String value(Header header) {
      return header == null ? null : header.getValue();
    }
  }
}
