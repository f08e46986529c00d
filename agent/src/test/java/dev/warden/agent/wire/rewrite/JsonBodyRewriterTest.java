package dev.warden.agent.wire.rewrite;

import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL;
import static dev.warden.agent.wire.rewrite.ProviderBodies.EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.TEXT;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatCompletion;
import static dev.warden.agent.wire.rewrite.StreamChecks.pieces;
import static dev.warden.agent.wire.rewrite.StreamChecks.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.wire.openai.ChatCompletionTexts;
import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.openai.EmbeddingsAdapter;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class JsonBodyRewriterTest {

  private static Result rewrite(byte[] body, CompletionRewriter rewriter, int maxBytes, int... cuts) {
    return readAll(new JsonBodyRewriter(pieces(body, null, cuts), ChatCompletionTexts.INSTANCE, rewriter, maxBytes),
        1000);
  }

  @Test
  void bodyAtTheBoundIsRewrittenAndOneByteOverPassesThrough() {
    byte[] body = chatCompletion(TEXT, "{}").getBytes(UTF_8);

    Result atBound = rewrite(body, new PlaceholderRewriter(), body.length, 10, 8200);
    Result over = rewrite(body, new PlaceholderRewriter(), body.length - 1, 10, 8200);

    assertThat(atBound.text()).isEqualTo(chatCompletion(EXPECTED, "{}"));
    assertThat(atBound.unreadable()).isZero();
    assertThat(over.bytes()).isEqualTo(body);
    assertThat(over.unreadable()).isEqualTo(1);
    assertThat(over.changes()).isZero();
  }

  @Test
  void largeBodyOverTheBoundStreamsOnUnchanged() {
    StringBuilder big = new StringBuilder("{\"choices\":[{\"message\":{\"content\":\"" + EMAIL + "\"}}],\"pad\":\"");
    while (big.length() < 100_000) {
      big.append("0123456789");
    }
    byte[] body = big.append("\"}").toString().getBytes(UTF_8);

    Result result = rewrite(body, new PlaceholderRewriter(), 20_000, 3, 9000, 50_000);

    assertThat(result.bytes()).isEqualTo(body);
    assertThat(result.unreadable()).isEqualTo(1);
  }

  @Test
  void unparseableBodiesPassThrough() {
    for (String body : new String[] {"{\"choices\":[{\"message\":{\"content\":\"" + EMAIL + "\"}}", "<html>502</html>",
        "{\"choices\":[],\"choices\":[{\"message\":{\"content\":\"" + EMAIL + "\"}}]}"}) {
      Result result = rewrite(body.getBytes(UTF_8), new PlaceholderRewriter(), 1 << 20);
      assertThat(result.text()).isEqualTo(body);
      assertThat(result.unreadable()).as(body).isEqualTo(1);
    }
  }

  @Test
  void emptyBodyStaysEmpty() {
    Result result = rewrite(new byte[0], new PlaceholderRewriter(), 1 << 20);

    assertThat(result.bytes()).isEmpty();
    assertThat(result.unreadable()).isZero();
  }

  @Test
  void aFailingRewriterLeavesTheBodyAsReceived() {
    byte[] body = chatCompletion(TEXT, "{}").getBytes(UTF_8);
    CompletionRewriter broken = new CompletionRewriter() {
      @Override
      public String rewrite(String text) {
        throw new IllegalStateException("bug");
      }

      @Override
      public Channel channel() {
        throw new IllegalStateException("bug");
      }

      @Override
      public CompletionRewriter forJsonText() {
        return this;
      }
    };

    Result result = rewrite(body, broken, 1 << 20);

    assertThat(result.bytes()).isEqualTo(body);
    assertThat(result.unreadable()).isEqualTo(1);
  }

  @Test
  void embeddingsAndMissingRewriterLeaveTheBodyUnchanged() throws IOException {
    byte[] body = ("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1]}],"
        + "\"model\":\"text-embedding-3-small\",\"note\":\"" + EMAIL + "\"}").getBytes(UTF_8);

    RewrittenBody embeddings = EmbeddingsAdapter.INSTANCE.rewriteResponse(new ByteArrayInputStream(body), false,
        new PlaceholderRewriter());
    RewrittenBody noRewriter = ChatCompletionsAdapter.INSTANCE.rewriteResponse(
        new ByteArrayInputStream(chatCompletion(TEXT, "{}").getBytes(UTF_8)), false, null);

    assertThat(embeddings.readAllBytes()).isEqualTo(body);
    assertThat(noRewriter.readAllBytes()).isEqualTo(chatCompletion(TEXT, "{}").getBytes(UTF_8));
    assertThat(embeddings.changes() + noRewriter.changes() + embeddings.unreadable()).isZero();
  }

  @Test
  void readAllBytesGivesTheNewLengthAndCloseClosesTheSource() throws IOException {
    boolean[] closed = new boolean[1];
    InputStream source = new ByteArrayInputStream(chatCompletion(TEXT, "{}").getBytes(UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    RewrittenBody body = ChatCompletionsAdapter.INSTANCE.rewriteResponse(source, false, new PlaceholderRewriter());

    assertThat(body.available()).isZero();
    assertThat(body.read()).isEqualTo('{');
    assertThat(body.available()).isEqualTo(chatCompletion(EXPECTED, "{}").getBytes(UTF_8).length - 1);
    body.close();

    assertThat(closed[0]).isTrue();
    assertThatThrownBy(body::read).isInstanceOf(IOException.class);
  }

  @Test
  void sourceFailurePassesThrough() {
    IOException reset = new IOException("reset");
    RewrittenBody body = ChatCompletionsAdapter.INSTANCE.rewriteResponse(
        pieces(chatCompletion(TEXT, "{}").getBytes(UTF_8), reset, 100), false, new PlaceholderRewriter());

    assertThatThrownBy(body::read).isSameAs(reset);
  }
}
