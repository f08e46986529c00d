package dev.warden.agent.wire.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.agent.wire.Route;
import dev.warden.policies.config.ProviderEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiRoutesTest {

  private final EndpointRecognizer recognizer = new EndpointRecognizer(List.of(
      new ProviderEndpoint("gemini", "gemini", "https", "generativelanguage.googleapis.com", 443, ""),
      new ProviderEndpoint("gateway", "gemini", "http", "127.0.0.1", 8080, "/google/v1beta")));

  private Route builtIn(String path) {
    return recognizer.recognize("POST", "generativelanguage.googleapis.com", 443, path);
  }

  @Test
  void theModelComesFromThePathAndTheStreamFromTheAction() {
    Route generate = builtIn("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(generate.provider()).isEqualTo("gemini");
    assertThat(generate.format()).isEqualTo(Route.GEMINI);
    assertThat(generate.operation()).isEqualTo(Route.CHAT);
    assertThat(generate.pathModel()).isEqualTo("gemini-2.5-flash");
    assertThat(generate.adapter()).isSameAs(GeminiAdapter.GENERATE);

    Route stream = builtIn("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
    assertThat(stream.pathModel()).isEqualTo("gemini-2.5-pro");
    assertThat(stream.adapter()).isSameAs(GeminiAdapter.STREAM);
  }

  @Test
  void anyVersionSegmentOrNone() {
    assertThat(builtIn("/v1/models/gemini-2.0-flash:generateContent").pathModel()).isEqualTo("gemini-2.0-flash");
    assertThat(builtIn("/v1alpha/models/gemini-2.0-flash:generateContent")).isNotNull();
    assertThat(builtIn("/models/gemini-2.0-flash:generateContent")).isNotNull();
    assertThat(recognizer.recognize("POST", "127.0.0.1", 8080, "/google/v1beta/models/m:generateContent").provider())
        .isEqualTo("gateway");
  }

  @Test
  void embeddingsActions() {
    Route embed = builtIn("/v1beta/models/gemini-embedding-001:embedContent");
    assertThat(embed.operation()).isEqualTo(Route.EMBEDDINGS);
    assertThat(embed.adapter()).isSameAs(GeminiEmbeddingsAdapter.INSTANCE);
    assertThat(builtIn("/v1beta/models/text-embedding-004:batchEmbedContents").pathModel())
        .isEqualTo("text-embedding-004");
  }

  @Test
  void otherPathsAndActionsPassUnread() {
    assertThat(builtIn("/v1beta/models/gemini-2.5-flash:countTokens")).isNull();
    assertThat(builtIn("/v1beta/models/gemini-2.5-flash")).isNull();
    assertThat(builtIn("/v1beta/models/:generateContent")).isNull();
    assertThat(builtIn("/v1beta/tunedModels/mine:generateContent")).isNull();
    assertThat(builtIn("/v1beta/models/a/b:generateContent")).isNull();
    assertThat(builtIn("/a/b/models/m:generateContent")).isNull();
    assertThat(builtIn("//models/m:generateContent")).isNull();
    assertThat(builtIn("/v1beta/models/m:generateContentX")).isNull();
    assertThat(builtIn("/upload/v1beta/files")).isNull();
    assertThat(recognizer.recognize("GET", "generativelanguage.googleapis.com", 443,
        "/v1beta/models/m:generateContent")).isNull();
  }
}
