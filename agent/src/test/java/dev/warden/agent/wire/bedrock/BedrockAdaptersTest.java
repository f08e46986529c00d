package dev.warden.agent.wire.bedrock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.json.OutputTokenLimit;
import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.policies.exchange.Exchange;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BedrockAdaptersTest {

  private static DecodedRequest decode(Route route, String body) {
    return route.adapter().decode(route, body.getBytes(UTF_8), null);
  }

  private static Route converse(String model) {
    return new Route("bedrock", Route.BEDROCK, Route.CHAT, ConverseAdapter.PLAIN, model);
  }

  private static Route invoke(String model) {
    return new Route("bedrock", Route.BEDROCK, Route.CHAT, InvokeModelAdapter.of(model, false), model);
  }

  @Test
  void converseMaxTokensIsClampedInsideInferenceConfig() throws IOException {
    ConverseAdapter adapter = ConverseAdapter.PLAIN;
    String body = "{\"messages\":[],\"inferenceConfig\":{\"maxTokens\":4096,\"temperature\":0}}";
    assertThat(new String(OutputTokenLimit.apply(body.getBytes(UTF_8), adapter.outputTokenContainer(),
        adapter.outputTokenFields(), 512), UTF_8)).isEqualTo(body.replace("4096", "512"));
    assertThat(new String(OutputTokenLimit.apply("{\"messages\":[]}".getBytes(UTF_8), adapter.outputTokenContainer(),
        adapter.outputTokenFields(), 512), UTF_8)).isEqualTo("{\"inferenceConfig\":{\"maxTokens\":512},\"messages\":[]}");
  }

  @Test
  void converseReadsSystemMessagesToolResultsAndMaxTokens() {
    DecodedRequest request = decode(converse("amazon.nova-lite-v1:0"), """
        {"system":[{"text":"Be brief."}],"messages":[
          {"role":"user","content":[{"text":"Hi jane@example.com"},{"image":{"format":"png"}}]},
          {"role":"assistant","content":[{"toolUse":{"toolUseId":"t","name":"f","input":{"q":"x"}}}]},
          {"role":"user","content":[{"toolResult":{"toolUseId":"t","content":[{"text":"page"}]}}]}],
         "inferenceConfig":{"maxTokens":200}}""");
    Exchange exchange = request.exchange();
    assertThat(exchange.model()).isEqualTo("amazon.nova-lite-v1:0");
    assertThat(exchange.maxTokens()).isEqualTo(200);
    assertThat(exchange.parts()).extracting(p -> p.message() + ":" + p.role() + ":" + p.text())
        .containsExactly("0:system:Be brief.", "1:user:Hi jane@example.com", "2:assistant:x", "3:tool:page");
    String sent = new String(request.encode(new String[] {null, "Hi <EMAIL>", null, null}), UTF_8);
    assertThat(sent).contains("\"text\":\"Hi <EMAIL>\"").contains("{\"image\":{\"format\":\"png\"}}");
  }

  @Test
  void invokeModelReadsEachFamilysBody() {
    Exchange anthropic = decode(invoke("anthropic.claude-3-haiku-20240307-v1:0"),
        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":64,\"system\":\"S\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}").exchange();
    assertThat(anthropic.model()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
    assertThat(anthropic.maxTokens()).isEqualTo(64);
    assertThat(anthropic.parts()).extracting(p -> p.role() + ":" + p.text()).containsExactly("system:S", "user:hello");

    Exchange llama = decode(invoke("meta.llama3-8b-instruct-v1:0"), "{\"prompt\":\"hi\",\"max_gen_len\":32}").exchange();
    assertThat(llama.parts()).extracting(p -> p.role() + ":" + p.text()).containsExactly("user:hi");
    assertThat(llama.maxTokens()).isEqualTo(32);

    Exchange titan = decode(invoke("amazon.titan-text-express-v1"),
        "{\"inputText\":\"hi\",\"textGenerationConfig\":{\"maxTokenCount\":50}}").exchange();
    assertThat(titan.parts()).extracting(p -> p.text()).containsExactly("hi");
    assertThat(titan.maxTokens()).isEqualTo(50);

    Exchange cohere = decode(invoke("cohere.command-r-v1:0"), "{\"preamble\":\"P\",\"chat_history\":["
        + "{\"role\":\"CHATBOT\",\"message\":\"earlier\"}],\"message\":\"now\",\"max_tokens\":10}").exchange();
    assertThat(cohere.parts()).extracting(p -> p.role() + ":" + p.text())
        .containsExactly("system:P", "assistant:earlier", "user:now");

    Exchange mistral = decode(invoke("mistral.mistral-large-2402-v1:0"),
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}").exchange();
    assertThat(mistral.parts()).extracting(p -> p.role() + ":" + p.text()).containsExactly("user:hi");
  }

  @Test
  void unknownBodyIsUnreadable() {
    assertThat(decode(invoke("writer.palmyra-x5-v1:0"), "{\"input\":{\"x\":1}}")).isNull();
    assertThat(decode(converse("m"), "{\"system\":[]}")).isNull();
    assertThat(decode(converse("m"), "not json")).isNull();
  }

  @Test
  void observesUsageOfConverseAndLlama() {
    ResponseSummary converse = observe(ConverseAdapter.PLAIN.observeResponse(false),
        "{\"output\":{\"message\":{\"content\":[{\"text\":\"x\"}]}},\"stopReason\":\"end_turn\","
            + "\"usage\":{\"inputTokens\":7,\"outputTokens\":3}}");
    assertThat(List.of(converse.inputTokens(), converse.outputTokens())).containsExactly(7L, 3L);
    ResponseSummary llama = observe(InvokeModelAdapter.of("meta.llama3", false).observeResponse(false),
        "{\"generation\":\"x\",\"prompt_token_count\":5,\"generation_token_count\":2,\"stop_reason\":\"stop\"}");
    assertThat(List.of(llama.inputTokens(), llama.outputTokens())).containsExactly(5L, 2L);
  }

  private static ResponseSummary observe(ResponseObserver observer, String body) {
    byte[] bytes = body.getBytes(UTF_8);
    observer.onBytes(bytes, 0, bytes.length);
    return observer.finish();
  }
}
