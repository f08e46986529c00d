package dev.warden.it;

import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.TestPolicy;
import java.util.ArrayList;
import java.util.List;

/** openai-java 4.x on its OkHttp client: sync and streamed chat completions. */
class OpenAiJavaTest extends SdkScenarioTest {

  @Override
  Class<?> driver() {
    return OpenAiJavaDriver.class;
  }

  @Override
  String baseUrl() {
    return provider.openAiBaseUrl();
  }

  @Override
  String apiKey() {
    return TestPolicy.OPENAI_KEY;
  }

  @Override
  String path() {
    return "/v1/chat/completions";
  }

  @Override
  String allowedModel() {
    return "gpt-4o-mini";
  }

  @Override
  String disallowedModel() {
    return "gpt-4o";
  }

  @Override
  String neverAllowedModel() {
    return "gpt-3.5-turbo";
  }

  @Override
  String expectedException() {
    return "PermissionDeniedException";
  }

  @Override
  String expectedErrorBody() {
    return "warden_policy_violation";
  }

  @Override
  String expectedCode() {
    return "model_not_allowed";
  }

  @Override
  String policyAllowing(List<String> extraModels) {
    List<String> models = new ArrayList<>(TestPolicy.OPENAI_MODELS);
    models.addAll(extraModels);
    return TestPolicy.yaml(provider.port(), models, TestPolicy.ANTHROPIC_MODELS);
  }
}
