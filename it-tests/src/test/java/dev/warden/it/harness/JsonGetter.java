package dev.warden.it.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs JSON from a loopback server. Never throws for a refused connection, a timeout, an error status
 * or a body that is not JSON: each is an {@link Answer} that is not {@link Answer#ok()}, so callers can
 * poll a server that is still starting. Thread-safe.
 */
final class JsonGetter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  /** One GET of {@code uri}, bounded by 10 s. */
  Answer get(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Answer(0, e.toString(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, e.toString(), null);
    }
    if (response.statusCode() != 200) {
      return new Answer(response.statusCode(), response.body(), null);
    }
    try {
      return new Answer(200, response.body(), JSON.readTree(response.body()));
    } catch (JsonProcessingException e) {
      return new Answer(200, response.body(), null);
    }
  }

  /**
   * What a GET brought: the status (0 when no response came), the body or the error, and the parsed
   * body when the status was 200 and the body JSON.
   */
  record Answer(int status, String body, JsonNode json) {

    boolean ok() {
      return json != null;
    }

    @Override
    public String toString() {
      return (status == 0 ? "no response" : "HTTP " + status) + ": " + body;
    }
  }
}
