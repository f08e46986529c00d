package dev.warden.it;

import dev.warden.demo.RecordedRequest;
import dev.warden.it.drivers.AzureOpenAiDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.TestPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * azure-ai-openai's blocking client on its default transport, Reactor Netty through azure-core:
 * the Azure pipeline-policy hook, not a transport hook. Deployments stand for models.
 */
class AzureOpenAiTest extends SdkScenarioTest {

  private static final String DEPLOYMENTS = "/openai/deployments/";

  @Override
  Class<?> driver() {
    return AzureOpenAiDriver.class;
  }

  /** {@code sync} or {@code async}: which client the driver uses. */
  String clientKind() {
    return "sync";
  }

  @Override
  ForkedJvm startApplication(Path policyFile) throws IOException {
    return ForkedJvm.startDriver(javaHome(), ItSettings.agentJar(), policyFile, driver(), baseUrl(), apiKey(),
        clientKind());
  }

  @Override
  String baseUrl() {
    return provider.baseUrl();
  }

  @Override
  String apiKey() {
    return TestPolicy.OPENAI_KEY;
  }

  @Override
  String path() {
    return DEPLOYMENTS + allowedModel() + "/chat/completions";
  }

  @Override
  String pathPattern() {
    return Pattern.quote(DEPLOYMENTS) + "[^/]+/chat/completions";
  }

  /** The SDK names the deployment in the path only. */
  @Override
  String modelOf(RecordedRequest request) {
    String path = request.path();
    return path.startsWith(DEPLOYMENTS) ? path.substring(DEPLOYMENTS.length(), path.indexOf('/', DEPLOYMENTS.length()))
        : "";
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
    return "gpt-35-turbo";
  }

  /** azure-core raises its generic HTTP error for a 403. */
  @Override
  String expectedException() {
    return "HttpResponseException";
  }

  @Override
  String expectedErrorBody() {
    return "warden_policy_violation";
  }

  @Override
  String policyAllowing(List<String> extraModels) {
    List<String> models = new ArrayList<>(TestPolicy.OPENAI_MODELS);
    models.addAll(extraModels);
    return TestPolicy.azureYaml(provider.port(), models);
  }
}
