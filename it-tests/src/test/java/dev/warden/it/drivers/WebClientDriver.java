package dev.warden.it.drivers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * An application that calls an OpenAI-compatible {@code /chat/completions} with Spring's
 * {@code WebClient} on Reactor Netty, as a WebFlux application does: plain calls read whole and
 * {@code block()}ed, streams read as server-sent events. Arguments: base URL, API key.
 */
public final class WebClientDriver extends ChatCompletionsDriver {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final WebClient client;

  private WebClientDriver(String baseUrl, String apiKey) {
    ClientHttpConnector connector = new ReactorClientHttpConnector();
    this.client = WebClient.builder().clientConnector(connector).baseUrl(baseUrl)
        .defaultHeader("Authorization", "Bearer " + apiKey).build();
  }

  public static void main(String[] args) throws Exception {
    // which connector this JVM's WebClient runs on
    System.err.println("driver: " + ReactorClientHttpConnector.class.getSimpleName());
    DriverLoop.serve(new WebClientDriver(args[0], args[1]));
  }

  @Override
  public String describe(Throwable error) {
    if (!(error instanceof WebClientResponseException e)) {
      return null;
    }
    String body = e.getResponseBodyAsString();
    return DriverLoop.errorFields(e.getStatusCode().value(), e, errorCode(body),
        e.getHeaders().getFirst("x-warden-decision"), e.getHeaders().getFirst("retry-after"), body);
  }

  @Override
  protected String post(String requestJson) {
    return client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON).bodyValue(requestJson)
        .retrieve().bodyToMono(String.class).block(TIMEOUT);
  }

  /** WebClient decodes the server-sent events itself: each string is one event's data. */
  @Override
  protected void postStream(String requestJson, DeltaJoiner deltas) throws IOException {
    List<String> events = client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(requestJson)
        .retrieve().bodyToFlux(String.class).collectList().block(TIMEOUT);
    for (String data : events) {
      deltas.data(data);
    }
  }
}
