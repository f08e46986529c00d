package dev.warden.it.drivers;

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
public final class RestClientDriver extends ChatCompletionsDriver {


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
  public String describe(Throwable error) {
    if (!(error instanceof RestClientResponseException e)) {
      return null;
    }
    String body = e.getResponseBodyAsString();
    return DriverLoop.errorFields(e.getStatusCode().value(), e, errorCode(body),
        e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("x-warden-decision"),
        e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("retry-after"), body);
  }

  @Override
  protected String post(String requestJson) {
    return client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON).body(requestJson)
        .retrieve().body(String.class);
  }

  /** Reads the event stream line by line as it arrives. */
  @Override
  protected void postStream(String requestJson, DeltaJoiner deltas) {
    client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.TEXT_EVENT_STREAM).body(requestJson)
        .exchange((sent, response) -> {
          if (response.getStatusCode().isError()) {
            throw HttpClientErrorException.create(response.getStatusCode(), response.getStatusText(),
                response.getHeaders(), response.getBody().readAllBytes(), StandardCharsets.UTF_8);
          }
          deltas.lines(response.getBody());
          return null;
        });
  }
}
