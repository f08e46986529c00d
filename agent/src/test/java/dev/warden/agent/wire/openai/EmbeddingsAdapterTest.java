package dev.warden.agent.wire.openai;

import static dev.warden.agent.wire.WireTestSupport.OPENAI_EMBEDDINGS;
import static dev.warden.agent.wire.WireTestSupport.decode;
import static dev.warden.agent.wire.WireTestSupport.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.DecodedRequest;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import org.junit.jupiter.api.Test;

class EmbeddingsAdapterTest {

  @Test
  void decodesStringInput() {
    Exchange exchange = decode(OPENAI_EMBEDDINGS,
        "{\"input\":\"The food was delicious\",\"model\":\"text-embedding-3-small\",\"encoding_format\":\"float\"}")
        .exchange();

    assertThat(exchange.operation()).isEqualTo("embeddings");
    assertThat(exchange.model()).isEqualTo("text-embedding-3-small");
    assertThat(exchange.stream()).isFalse();
    assertThat(exchange.maxTokens()).isNull();
    assertThat(exchange.parts()).containsExactly(new TextPart(0, "user", "The food was delicious"));
  }

  @Test
  void decodesArrayOfStringsAsOneMessageEach() {
    // LangChain4j OpenAiEmbeddingModel batches segments like this
    Exchange exchange = decode(OPENAI_EMBEDDINGS,
        "{\"model\":\"text-embedding-3-small\",\"input\":[\"first\",\"second\"],\"dimensions\":256}").exchange();

    assertThat(exchange.parts()).containsExactly(new TextPart(0, "user", "first"), new TextPart(1, "user", "second"));
  }

  @Test
  void ignoresTokenArraysButKeepsThem() {
    String body = "{\"model\":\"text-embedding-3-small\",\"input\":[[1,2,3],\"text\",[4]]}";
    DecodedRequest request = decode(OPENAI_EMBEDDINGS, body);

    assertThat(request.exchange().parts()).containsExactly(new TextPart(1, "user", "text"));
    assertThat(string(request.encode(new String[] {"TEXT"})))
        .isEqualTo("{\"model\":\"text-embedding-3-small\",\"input\":[[1,2,3],\"TEXT\",[4]]}");
  }

  @Test
  void tokenInputHasNoParts() {
    assertThat(decode(OPENAI_EMBEDDINGS, "{\"model\":\"m\",\"input\":[1,2,3]}").exchange().parts()).isEmpty();
  }
}
