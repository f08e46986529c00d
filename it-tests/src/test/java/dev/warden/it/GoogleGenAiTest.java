package dev.warden.it;

import dev.warden.demo.RecordedRequest;
import dev.warden.it.drivers.GoogleGenAiDriver;
import dev.warden.it.harness.TestPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * google-genai 2.x (the Gemini API) on its OkHttp client, the key in {@code x-goog-api-key}: the
 * model and streaming are named by the path ({@code /v1beta/models/MODEL:generateContent} or
 * {@code :streamGenerateContent?alt=sse}), not the body.
 */
class GoogleGenAiTest extends SdkScenarioTest {

  private static final Pattern GEMINI_PATH =
      Pattern.compile("/v1beta/models/([^/:]+):(generateContent|streamGenerateContent)");

  @Override
  Class<?> driver() {
    return GoogleGenAiDriver.class;
  }

  /** The SDK adds the API version itself. */
  @Override
  String baseUrl() {
    return provider.baseUrl();
  }

  @Override
  String apiKey() {
    return TestPolicy.GEMINI_KEY;
  }

  @Override
  String path() {
    return "/v1beta/models/" + allowedModel() + ":generateContent";
  }

  @Override
  String pathPattern() {
    return GEMINI_PATH.pattern();
  }

  @Override
  String modelOf(RecordedRequest request) {
    return pathPart(request, 1);
  }

  @Override
  boolean streamed(RecordedRequest request) {
    return pathPart(request, 2).equals("streamGenerateContent");
  }

  private static String pathPart(RecordedRequest request, int group) {
    Matcher matcher = GEMINI_PATH.matcher(request.path());
    return matcher.matches() ? matcher.group(group) : "";
  }

  @Override
  String allowedModel() {
    return "gemini-2.5-flash";
  }

  @Override
  String disallowedModel() {
    return "gemini-2.5-pro";
  }

  @Override
  String neverAllowedModel() {
    return "gemini-1.5-pro";
  }

  /** google-genai's exception for every 4xx. */
  @Override
  String expectedException() {
    return "ClientException";
  }

  /** The SDK keeps the error's message, which carries Warden's code. */
  @Override
  String expectedErrorBody() {
    return "warden model_not_allowed: ";
  }

  /** The SDK parses Google's status name out of the error. */
  @Override
  String expectedCode() {
    return "PERMISSION_DENIED";
  }

  @Override
  boolean exposesHeaders() {
    return false;
  }

  @Override
  String policyAllowing(List<String> extraModels) {
    List<String> models = new ArrayList<>(TestPolicy.GEMINI_MODELS);
    models.addAll(extraModels);
    return TestPolicy.yaml(provider.port(), TestPolicy.OPENAI_MODELS, TestPolicy.ANTHROPIC_MODELS, models);
  }
}
