package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.WardenErrorCall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JdkAnswerTest {

  private final HttpRequest request =
      HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/v1/chat/completions")).POST(HttpRequest.BodyPublishers.noBody()).build();

  @Test
  void answersThroughTheApplicationsOwnBodyHandler() throws Exception {
    HttpResponse<Object> response = JdkAnswer.of(request, HttpResponse.BodyHandlers.ofString(), WardenErrorCall.INSTANCE).get();
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-Warden-Decision")).contains("blocked; rule=error");
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat((String) response.body()).isEqualTo(new String(WardenErrorCall.BODY, StandardCharsets.UTF_8));
    assertThat(response.uri()).isEqualTo(request.uri());
  }

  @Test
  void worksForStreamingHandlers() throws Exception {
    HttpResponse<Object> asStream = JdkAnswer.of(request, HttpResponse.BodyHandlers.ofInputStream(), WardenErrorCall.INSTANCE).get();
    try (InputStream in = (InputStream) asStream.body()) {
      assertThat(in.readAllBytes()).isEqualTo(WardenErrorCall.BODY);
    }
    HttpResponse<Object> asLines = JdkAnswer.of(request, HttpResponse.BodyHandlers.ofLines(), WardenErrorCall.INSTANCE).get();
    @SuppressWarnings("unchecked")
    List<String> lines = ((java.util.stream.Stream<String>) asLines.body()).collect(Collectors.toList());
    assertThat(lines).containsExactly(new String(WardenErrorCall.BODY, StandardCharsets.UTF_8));
  }
}
