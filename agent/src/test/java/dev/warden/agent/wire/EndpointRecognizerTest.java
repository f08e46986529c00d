package dev.warden.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.wire.anthropic.MessagesAdapter;
import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.openai.EmbeddingsAdapter;
import dev.warden.agent.wire.openai.ResponsesAdapter;
import dev.warden.policies.config.ProviderEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointRecognizerTest {

  private final EndpointRecognizer recognizer = new EndpointRecognizer(List.of(
      new ProviderEndpoint("openai", "openai", "https", "api.openai.com", 443, "/v1"),
      new ProviderEndpoint("anthropic", "anthropic", "https", "api.anthropic.com", 443, ""),
      new ProviderEndpoint("local", "openai", "http", "127.0.0.1", 8080, "/openai/v1"),
      new ProviderEndpoint("gateway-claude", "anthropic", "http", "127.0.0.1", 8080, "/claude"),
      new ProviderEndpoint("v6", "openai", "http", "::1", 11434, "/v1"),
      new ProviderEndpoint("azure.ai.openai", "azure-openai", "https", "*.openai.azure.com", 443, ""),
      new ProviderEndpoint("azure-gw", "azure-openai", "http", "127.0.0.1", 9090, "/gw")));

  @Test
  void recognisesEachOpenAiOperation() {
    assertRoute(recognizer.recognize("POST", "api.openai.com", 443, "/v1/chat/completions"),
        "openai", "chat", ChatCompletionsAdapter.INSTANCE);
    assertRoute(recognizer.recognize("POST", "api.openai.com", 443, "/v1/responses"),
        "openai", "chat", ResponsesAdapter.INSTANCE);
    assertRoute(recognizer.recognize("POST", "api.openai.com", 443, "/v1/embeddings"),
        "openai", "embeddings", EmbeddingsAdapter.INSTANCE);
  }

  @Test
  void recognisesAnthropicMessages() {
    Route route = recognizer.recognize("POST", "api.anthropic.com", 443, "/v1/messages");

    assertRoute(route, "anthropic", "chat", MessagesAdapter.INSTANCE);
    assertThat(route.format()).isEqualTo("anthropic");
  }

  @Test
  void sameRouteInstanceEveryTime() {
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v1/chat/completions"))
        .isSameAs(recognizer.recognize("POST", "API.OPENAI.COM", 443, "/v1/chat/completions"));
  }

  @Test
  void hostIsCaseInsensitive() {
    assertThat(recognizer.recognize("POST", "Api.OpenAI.com", 443, "/v1/chat/completions")).isNotNull();
  }

  @Test
  void onlyPost() {
    assertThat(recognizer.recognize("GET", "api.openai.com", 443, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("PUT", "api.openai.com", 443, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("post", "api.openai.com", 443, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize(null, "api.openai.com", 443, "/v1/chat/completions")).isNull();
  }

  @Test
  void wrongHostOrPortIsNotRecognised() {
    assertThat(recognizer.recognize("POST", "api.openai.com.evil.test", 443, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "openai.com", 443, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 80, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 8443, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", null, 443, "/v1/chat/completions")).isNull();
  }

  @Test
  void unsetPortMeansTheSchemeDefault() {
    assertThat(recognizer.recognize("POST", "api.openai.com", -1, "/v1/chat/completions")).isNotNull();
    assertThat(recognizer.recognize("POST", "127.0.0.1", -1, "/openai/v1/chat/completions")).isNull();
  }

  @Test
  void queryStringIsIgnored() {
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v1/chat/completions?api-version=2024-10-21"))
        .isNotNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v1/chat?x=/completions")).isNull();
  }

  @Test
  void unknownPathsAreNotRecognised() {
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v1/completions")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v1/chat/completions/")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v1/chat/completions/abc")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v2/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "/v1/messages")).isNull();
    assertThat(recognizer.recognize("POST", "api.anthropic.com", 443, "/v1/messages/count_tokens")).isNull();
    assertThat(recognizer.recognize("POST", "api.anthropic.com", 443, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, "")).isNull();
    assertThat(recognizer.recognize("POST", "api.openai.com", 443, null)).isNull();
  }

  @Test
  void sharedHostAndPortAreTellApartByBasePath() {
    Route openai = recognizer.recognize("POST", "127.0.0.1", 8080, "/openai/v1/chat/completions");
    Route claude = recognizer.recognize("POST", "127.0.0.1", 8080, "/claude/v1/messages");

    assertThat(openai.provider()).isEqualTo("local");
    assertThat(claude.provider()).isEqualTo("gateway-claude");
    assertThat(recognizer.recognize("POST", "127.0.0.1", 8080, "/v1/chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "127.0.0.1", 8080, "/openai/v1/messages")).isNull();
  }

  @Test
  void ipv6WithOrWithoutBrackets() {
    assertThat(recognizer.recognize("POST", "[::1]", 11434, "/v1/chat/completions")).isNotNull();
    assertThat(recognizer.recognize("POST", "::1", 11434, "/v1/chat/completions")).isNotNull();
  }

  @Test
  void azureDeploymentPathsNameTheModel() {
    Route chat = recognizer.recognize("POST", "contoso.openai.azure.com", 443,
        "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21");
    assertRoute(chat, "azure.ai.openai", "chat", ChatCompletionsAdapter.INSTANCE);
    assertThat(chat.pathModel()).isEqualTo("gpt-4o-prod");
    assertThat(chat.format()).isEqualTo(Route.AZURE_OPENAI);

    Route embeddings = recognizer.recognize("POST", "127.0.0.1", 9090, "/gw/openai/deployments/emb/embeddings");
    assertRoute(embeddings, "azure-gw", "embeddings", EmbeddingsAdapter.INSTANCE);
    assertThat(embeddings.pathModel()).isEqualTo("emb");
  }

  @Test
  void azureV1PathsLeaveTheModelToTheBody() {
    Route chat = recognizer.recognize("POST", "contoso.openai.azure.com", 443, "/openai/v1/chat/completions");
    assertRoute(chat, "azure.ai.openai", "chat", ChatCompletionsAdapter.INSTANCE);
    assertThat(chat.pathModel()).isNull();
    assertRoute(recognizer.recognize("POST", "contoso.openai.azure.com", 443, "/openai/responses?api-version=preview"),
        "azure.ai.openai", "chat", ResponsesAdapter.INSTANCE);
  }

  @Test
  void azureOtherPathsAreNotRecognised() {
    assertThat(recognizer.recognize("POST", "contoso.openai.azure.com", 443, "/openai/deployments//chat/completions")).isNull();
    assertThat(recognizer.recognize("POST", "contoso.openai.azure.com", 443, "/openai/deployments/d/completions")).isNull();
    assertThat(recognizer.recognize("POST", "contoso.openai.azure.com", 443, "/openai/deployments/d/images/generations")).isNull();
    assertThat(recognizer.recognize("POST", "contoso.openai.azure.com", 443, "/openai/deployments/d")).isNull();
  }

  @Test
  void aWildcardHostStandsForExactlyOneLabel() {
    String path = "/openai/deployments/d/chat/completions";
    assertThat(recognizer.recognize("POST", "Contoso.OpenAI.Azure.com", 443, path)).isNotNull();
    assertThat(recognizer.recognize("POST", "a.b.openai.azure.com", 443, path)).isNull();
    assertThat(recognizer.recognize("POST", ".openai.azure.com", 443, path)).isNull();
    assertThat(recognizer.recognize("POST", "openai.azure.com", 443, path)).isNull();
    assertThat(recognizer.recognize("POST", "contoso.openai.azure.com.evil.example", 443, path)).isNull();
    assertThat(recognizer.recognize("POST", "contosoopenai.azure.com", 443, path)).isNull();
  }

  @Test
  void unsupportedFormatIsRejectedAtConstruction() {
    assertThatThrownBy(() -> new EndpointRecognizer(
        List.of(new ProviderEndpoint("vertex", "vertex", "https", "us-central1-aiplatform.googleapis.com", 443, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vertex");
  }

  @Test
  void noEndpointsRecogniseNothing() {
    assertThat(new EndpointRecognizer(List.of()).recognize("POST", "api.openai.com", 443, "/v1/chat/completions"))
        .isNull();
  }

  private static void assertRoute(Route route, String provider, String operation, WireAdapter adapter) {
    assertThat(route).isNotNull();
    assertThat(route.provider()).isEqualTo(provider);
    assertThat(route.operation()).isEqualTo(operation);
    assertThat(route.adapter()).isSameAs(adapter);
  }
}
