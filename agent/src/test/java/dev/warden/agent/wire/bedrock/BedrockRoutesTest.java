package dev.warden.agent.wire.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.agent.wire.Route;
import dev.warden.policies.config.BuiltInProviders;
import org.junit.jupiter.api.Test;

class BedrockRoutesTest {

  private final EndpointRecognizer builtIn = new EndpointRecognizer(BuiltInProviders.ALL);

  @Test
  void recognisesEachOperationInAnyRegionWithTheModelFromThePath() {
    Route converse = builtIn.recognize("POST", "bedrock-runtime.eu-west-3.amazonaws.com", 443,
        "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
    assertThat(converse.provider()).isEqualTo("bedrock");
    assertThat(converse.format()).isEqualTo(Route.BEDROCK);
    assertThat(converse.pathModel()).isEqualTo("anthropic.claude-3-5-haiku-20241022-v1:0");
    assertThat(converse.adapter()).isSameAs(ConverseAdapter.PLAIN);
    assertThat(builtIn.recognize("POST", "bedrock-runtime.us-east-1.amazonaws.com", 443,
        "/model/m/converse-stream").adapter()).isSameAs(ConverseAdapter.STREAM);
    assertThat(builtIn.recognize("POST", "bedrock-runtime-fips.us-east-1.amazonaws.com", 443,
        "/model/meta.llama3-8b-instruct-v1%3A0/invoke").adapter()).isInstanceOf(InvokeModelAdapter.class);
    assertThat(builtIn.recognize("POST", "bedrock-runtime.us-east-1.amazonaws.com", 443,
        "/model/m/invoke-with-response-stream")).isNotNull();
  }

  @Test
  void decodesArnsAndInferenceProfiles() {
    Route arn = builtIn.recognize("POST", "bedrock-runtime.us-east-1.amazonaws.com", 443,
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-haiku/invoke");
    assertThat(arn.pathModel())
        .isEqualTo("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku");
    assertThat(arn.adapter().outputTokenFields()).containsExactly("max_tokens");
    assertThat(ModelFamily.of("us.meta.llama3-2-1b-instruct-v1:0")).isEqualTo(ModelFamily.META);
    assertThat(ModelFamily.of("amazon.nova-lite-v1:0")).isEqualTo(ModelFamily.AMAZON);
    assertThat(ModelFamily.of("arn:aws:bedrock:us-east-1:1:application-inference-profile/abc")).isEqualTo(ModelFamily.OTHER);
  }

  @Test
  void leavesOtherHostsPathsAndMethodsAlone() {
    assertThat(builtIn.recognize("POST", "bedrock.us-east-1.amazonaws.com", 443, "/model/m/converse")).isNull();
    assertThat(builtIn.recognize("POST", "bedrock-runtime.a.b.amazonaws.com", 443, "/model/m/converse")).isNull();
    assertThat(builtIn.recognize("POST", "bedrock-runtime..amazonaws.com", 443, "/model/m/converse")).isNull();
    assertThat(builtIn.recognize("GET", "bedrock-runtime.us-east-1.amazonaws.com", 443, "/model/m/converse")).isNull();
    assertThat(builtIn.recognize("POST", "bedrock-runtime.us-east-1.amazonaws.com", 443, "/model/m/count-tokens")).isNull();
    assertThat(builtIn.recognize("POST", "bedrock-runtime.us-east-1.amazonaws.com", 443, "/model//converse")).isNull();
    assertThat(builtIn.recognize("POST", "bedrock-runtime.us-east-1.amazonaws.com", 443, "/model/m%2/converse")).isNull();
  }
}
