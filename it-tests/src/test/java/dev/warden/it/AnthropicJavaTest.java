package dev.warden.it;

import dev.warden.it.drivers.AnthropicJavaDriver;
import dev.warden.it.harness.TestPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * anthropic-java 3.x on its OkHttp client: sync and streamed messages. Its policy edits replace
 * the file by an atomic rename, as deployment tools do.
 */
class AnthropicJavaTest extends SdkScenarioTest {

  @Override
  Class<?> driver() {
    return AnthropicJavaDriver.class;
  }

  @Override
  String baseUrl() {
    return provider.anthropicBaseUrl();
  }

  @Override
  String apiKey() {
    return TestPolicy.ANTHROPIC_KEY;
  }

  @Override
  String path() {
    return "/v1/messages";
  }

  @Override
  String allowedModel() {
    return "claude-3-5-haiku-latest";
  }

  @Override
  String disallowedModel() {
    return "claude-opus-4-1";
  }

  @Override
  String neverAllowedModel() {
    return "claude-3-opus-20240229";
  }

  @Override
  String expectedException() {
    return "PermissionDeniedException";
  }

  @Override
  String expectedErrorBody() {
    return "permission_error";
  }

  @Override
  String policyAllowing(List<String> extraModels) {
    List<String> models = new ArrayList<>(TestPolicy.ANTHROPIC_MODELS);
    models.addAll(extraModels);
    return TestPolicy.yaml(provider.port(), TestPolicy.OPENAI_MODELS, models);
  }

  @Override
  void rewritePolicy(String yaml) {
    policy.replaceAtomically(yaml);
  }
}
