package dev.warden.it.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.methods.AbstractCharResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The application of {@link HttpClient5Driver} on Apache HttpClient 5's async client
 * ({@code CloseableHttpAsyncClient}): plain calls as {@code SimpleHttpRequest}s through the default
 * client ({@code InternalHttpAsyncClient}), streams through the minimal client
 * ({@code MinimalHttpAsyncClient}) with a {@code SimpleRequestProducer} and a streaming consumer
 * that reads the events as they arrive. Arguments: base URL, API key.
 */
public final class HttpClient5AsyncDriver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();
  private final CloseableHttpAsyncClient minimal = HttpAsyncClients.createMinimal();

  private HttpClient5AsyncDriver(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    client.start();
    minimal.start();
  }

  public static void main(String[] args) throws Exception {
    System.err.println("driver: " + Path.of(CloseableHttpAsyncClient.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).getFileName());
    DriverLoop.serve(new HttpClient5AsyncDriver(args[0], args[1]));
  }

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

  @Override
  public String describe(Throwable error) {
    if (!(error instanceof HttpClient5Driver.OpenAiError e)) {
      return null;
    }
    return DriverLoop.errorFields(e.status, e, e.code(), e.decision, e.retryAfter, e.body);
  }

  private JsonNode completion(String model, String prompt, boolean tool) throws Exception {
    SimpleHttpResponse response = await(client.execute(post(request(model, prompt, tool)), null));
    if (response.getCode() != 200) {
      throw new HttpClient5Driver.OpenAiError(response, response.getBodyText());
    }
    return JSON.readTree(response.getBodyText()).path("choices").path(0).path("message");
  }

  /** Joins the stream's deltas' {@code content}, or its tool call's {@code arguments}; requires the usage chunk. */
  private String streamed(ObjectNode request, String field) throws Exception {
    request.put("stream", true).putObject("stream_options").put("include_usage", true);
    EventStreamConsumer consumer = new EventStreamConsumer(field);
    String text = await(minimal.execute(SimpleRequestProducer.create(post(request)), consumer, null));
    if (consumer.status != 200) {
      throw new HttpClient5Driver.OpenAiError(consumer.response, text);
    }
    return consumer.usage ? text : "FAILURE|the stream had no usage chunk: " + text;
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
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

  private SimpleHttpRequest post(ObjectNode request) throws IOException {
    return SimpleRequestBuilder.post(URI.create(baseUrl + "/chat/completions"))
        .setHeader("Authorization", "Bearer " + apiKey)
        .setBody(JSON.writeValueAsString(request), ContentType.APPLICATION_JSON)
        .build();
  }

  /** The {@code text} member of the arguments, which must be one JSON object. */
  private static String textArgument(String arguments) throws IOException {
    JsonNode parsed = JSON.readTree(arguments);
    if (parsed == null || !parsed.isObject() || !parsed.path("text").isTextual()) {
      return "FAILURE|arguments are not {\"text\": …}: " + arguments;
    }
    return parsed.get("text").textValue();
  }

  /**
   * Reads an event stream line by line as its bytes arrive, joining the deltas of {@code field};
   * an error answer's body is kept whole instead.
   */
  private static final class EventStreamConsumer extends AbstractCharResponseConsumer<String> {
    private final String field;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private HttpResponse response;
    private int status;
    private boolean usage;

    EventStreamConsumer(String field) {
      this.field = field;
    }

    @Override
    protected void start(HttpResponse head, ContentType contentType) {
      this.response = head;
      this.status = head.getCode();
    }

    @Override
    protected int capacityIncrement() {
      return Integer.MAX_VALUE;
    }

    @Override
    protected void data(CharBuffer chars, boolean endOfStream) throws IOException {
      while (chars.hasRemaining()) {
        char c = chars.get();
        if (status != 200) {
          text.append(c);
        } else if (c == '\n') {
          onLine(line.toString());
          line.setLength(0);
        } else if (c != '\r') {
          line.append(c);
        }
      }
    }

    @Override
    protected String buildResult() {
      return text.toString();
    }

    @Override
    public void releaseResources() {}

    private void onLine(String data) throws IOException {
      if (!data.startsWith("data:") || data.substring(5).trim().equals("[DONE]")) {
        return;
      }
      JsonNode chunk = JSON.readTree(data.substring(5));
      usage |= chunk.path("usage").isObject();
      JsonNode delta = chunk.path("choices").path(0).path("delta");
      JsonNode piece = field.equals("content") ? delta.path("content")
          : delta.path("tool_calls").path(0).path("function").path("arguments");
      if (piece.isTextual()) {
        text.append(piece.asText());
      }
    }
  }
}
