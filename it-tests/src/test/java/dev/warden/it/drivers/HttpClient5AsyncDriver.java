package dev.warden.it.drivers;

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
public final class HttpClient5AsyncDriver extends ChatCompletionsDriver {


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
  public String describe(Throwable error) {
    if (!(error instanceof HttpClient5Driver.OpenAiError e)) {
      return null;
    }
    return DriverLoop.errorFields(e.status, e, errorCode(e.body), e.decision, e.retryAfter, e.body);
  }

  @Override
  protected String post(String requestJson) throws Exception {
    SimpleHttpResponse response = await(client.execute(simplePost(requestJson), null));
    if (response.getCode() != 200) {
      throw new HttpClient5Driver.OpenAiError(response, response.getBodyText());
    }
    return response.getBodyText();
  }

  /** Streams through the minimal client, a consumer reading the events as their bytes arrive. */
  @Override
  protected void postStream(String requestJson, DeltaJoiner deltas) throws Exception {
    EventStreamConsumer consumer = new EventStreamConsumer(deltas);
    String error = await(minimal.execute(SimpleRequestProducer.create(simplePost(requestJson)), consumer, null));
    if (consumer.status != 200) {
      throw new HttpClient5Driver.OpenAiError(consumer.response, error);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private SimpleHttpRequest simplePost(String requestJson) {
    return SimpleRequestBuilder.post(URI.create(baseUrl + "/chat/completions"))
        .setHeader("Authorization", "Bearer " + apiKey)
        .setBody(requestJson, ContentType.APPLICATION_JSON)
        .build();
  }

  /**
   * Reads an event stream line by line as its bytes arrive, handing each line to the deltas; an
   * error answer's body is kept whole instead, as the result.
   */
  private static final class EventStreamConsumer extends AbstractCharResponseConsumer<String> {
    private final DeltaJoiner deltas;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder error = new StringBuilder();
    private HttpResponse response;
    private int status;

    EventStreamConsumer(DeltaJoiner deltas) {
      this.deltas = deltas;
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
          error.append(c);
        } else if (c == '\n') {
          deltas.line(line.toString());
          line.setLength(0);
        } else if (c != '\r') {
          line.append(c);
        }
      }
    }

    @Override
    protected String buildResult() {
      return error.toString();
    }

    @Override
    public void releaseResources() {}
  }
}
