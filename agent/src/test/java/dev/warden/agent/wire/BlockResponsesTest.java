package dev.warden.agent.wire;

import static dev.warden.agent.wire.WireTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.decision.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockResponsesTest {

  private static Decision block(String rule, String code, int status, String message) {
    return new Decision(Decision.Kind.BLOCK, true, rule, code, status, message, null,
        List.of(new Finding(rule, "X", 1)), "support-bot", "sha256:abc123", null, null, WireTerms.NONE, 0);
  }

  @Test
  void openAiShape() {
    BlockResponses.Response response = BlockResponses.of("openai",
        block("injection", "injection_detected", 403, "Request blocked by policy."));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.reasonPhrase()).isEqualTo("Forbidden");
    assertThat(response.headers()).containsExactly(
        org.assertj.core.api.Assertions.entry("content-type", "application/json"),
        org.assertj.core.api.Assertions.entry("x-warden-decision",
            "blocked; rule=injection; policy=sha256:abc123"));
    JsonNode error = json(response.body()).get("error");
    assertThat(error.get("type").textValue()).isEqualTo("warden_policy_violation");
    assertThat(error.get("code").textValue()).isEqualTo("injection_detected");
    assertThat(error.get("message").textValue()).isEqualTo("Request blocked by policy.");
    assertThat(error.has("param")).isTrue();
    assertThat(error.get("param").isNull()).isTrue();
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
        "{\"error\":{\"type\":\"warden_policy_violation\",\"code\":\"injection_detected\","
            + "\"message\":\"Request blocked by policy.\",\"param\":null}}");
  }

  @Test
  void rateLimitIs429WithRetryAfter() {
    BlockResponses.Response response = BlockResponses.of("openai",
        block("rate", "rate_limited", 429, "Too many requests for this key."), 12);

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers()).containsEntry("retry-after", "12");
    assertThat(BlockResponses.of("openai", block("rate", "rate_limited", 429, "x")).headers())
        .containsEntry("retry-after", "1");
    assertThat(BlockResponses.of("openai", block("pii", "pii_blocked", 403, "x")).headers())
        .doesNotContainKey("retry-after");
  }

  @Test
  void geminiShapeIsGooglesApiErrorWithTheCodeInMessageAndErrorInfo() {
    BlockResponses.Response forbidden = BlockResponses.of("gemini",
        block("model", "model_not_allowed", 403, "model 'gemini-2.5-pro' is not allowed"));
    assertThat(new String(forbidden.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
        "{\"error\":{\"code\":403,\"message\":\"warden model_not_allowed: model 'gemini-2.5-pro' is not allowed\","
            + "\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
            + "\"reason\":\"model_not_allowed\",\"domain\":\"warden\"}]}}");
    assertThat(forbidden.headers()).containsEntry("x-warden-decision", "blocked; rule=model; policy=sha256:abc123");

    BlockResponses.Response limited = BlockResponses.of("gemini", block("limit", "rate_limited", 429, "x"), 7);
    JsonNode error = json(limited.body()).get("error");
    assertThat(error.get("code").intValue()).isEqualTo(429);
    assertThat(error.get("status").textValue()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(limited.headers()).containsEntry("retry-after", "7");
  }

  @Test
  void anthropicShapeByStatus() {
    JsonNode forbidden = json(BlockResponses.of("anthropic",
        block("key", "model_not_allowed", 403, "Model not allowed for this key.")).body());
    assertThat(forbidden.get("type").textValue()).isEqualTo("error");
    assertThat(forbidden.get("error").get("type").textValue()).isEqualTo("permission_error");
    assertThat(forbidden.get("error").get("message").textValue())
        .isEqualTo("warden model_not_allowed: Model not allowed for this key.");

    JsonNode limited = json(BlockResponses.of("anthropic", block("rate", "rate_limited", 429, "Slow down.")).body());
    assertThat(limited.get("error").get("type").textValue()).isEqualTo("rate_limit_error");

    JsonNode other = json(BlockResponses.of("anthropic", block("error", "warden_error", 500, "Failed.")).body());
    assertThat(other.get("error").get("type").textValue()).isEqualTo("api_error");
  }

  @Test
  void messagesAreJsonEscaped() {
    String message = "He said \"no\" \\ and left\n\ttab \u0001 é 😀";

    JsonNode openai = json(BlockResponses.of("openai", block("r", "c\"ode", 403, message)).body());
    JsonNode anthropic = json(BlockResponses.of("anthropic", block("r", "code", 403, message)).body());

    assertThat(openai.get("error").get("message").textValue()).isEqualTo(message);
    assertThat(openai.get("error").get("code").textValue()).isEqualTo("c\"ode");
    assertThat(anthropic.get("error").get("message").textValue()).isEqualTo("warden code: " + message);
  }

  @Test
  void missingFieldsGetSafeDefaults() {
    Decision bare = new Decision(Decision.Kind.BLOCK, true, null, null, 0, null, null, List.of(), null, null, null, null, WireTerms.NONE, 0);

    BlockResponses.Response response = BlockResponses.of("openai", bare);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers()).containsEntry("x-warden-decision", "blocked; rule=none; policy=none");
    assertThat(json(response.body()).get("error").get("code").textValue()).isEqualTo("warden_error");
    assertThat(json(response.body()).get("error").get("message").textValue()).isEqualTo("warden_error");
  }

  @Test
  void headerValueCannotBeSplit() {
    BlockResponses.Response response = BlockResponses.of("openai",
        block("bad\r\nx-injected: 1", "c", 403, "m"));

    assertThat(response.headers().get("x-warden-decision"))
        .doesNotContain("\r", "\n")
        .startsWith("blocked; rule=bad__x-injected:_1; policy=");
  }

  @Test
  void unknownFormatGetsOpenAiShape() {
    assertThat(json(BlockResponses.of("ollama", block("r", "c", 403, "m")).body()).get("error").get("type")
        .textValue()).isEqualTo("warden_policy_violation");
  }

  @Test
  void bedrockGetsItsErrorShapeAndTheErrorTypeTheSdkMapsToItsException() {
    BlockResponses.Response forbidden = BlockResponses.of(Route.BEDROCK, new Decision(Decision.Kind.BLOCK, true,
        "model", "model_not_allowed", 403, "model 'x' is not allowed", null, List.of(), null, "sha256:ab",
        null, null, WireTerms.NONE, 0));
    assertThat(new String(forbidden.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"warden model_not_allowed: model 'x' is not allowed\"}");
    assertThat(forbidden.headers()).containsEntry("x-amzn-errortype", "AccessDeniedException")
        .containsEntry("x-warden-decision", "blocked; rule=model; policy=sha256:ab");
    BlockResponses.Response limited = BlockResponses.of(Route.BEDROCK, new Decision(Decision.Kind.BLOCK, true,
        "limit", "rate_limited", 429, "slow down", null, List.of(), null, "sha256:ab",
        null, null, WireTerms.NONE, 3), 3);
    assertThat(limited.headers()).containsEntry("x-amzn-errortype", "ThrottlingException").containsEntry("retry-after", "3");
  }
}
