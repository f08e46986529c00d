package dev.warden.agent.wire.rewrite;

import static dev.warden.agent.wire.rewrite.ProviderBodies.DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatStream;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.openai.ChatCompletionTexts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The pushed event-stream rewrite hands on what the pulled one reads, however the bytes arrive. */
class SsePushRewriteTest {

  @Test
  void fedByteByByteItHandsOnWhatThePullStreamReads() throws IOException {
    byte[] input = chatStream(DELTAS).getBytes(UTF_8);
    byte[] pulled;
    try (RewrittenBody body = new SseRewriter(new ByteArrayInputStream(input), ChatCompletionTexts.INSTANCE,
        new PlaceholderRewriter(), RewrittenBody.DEFAULT_MAX_EVENT_BYTES)) {
      pulled = body.readAllBytes();
    }

    PushRewrite push = RewrittenBody.events(new PlaceholderRewriter(), ChatCompletionTexts.INSTANCE, null);
    ByteArrayOutputStream pushed = new ByteArrayOutputStream();
    for (int i = 0; i < input.length; i++) {
      pushed.writeBytes(push.feed(input, i, 1));
    }
    pushed.writeBytes(push.finish());

    assertThat(pushed.toString(UTF_8)).isEqualTo(new String(pulled, UTF_8)).isNotEqualTo(new String(input, UTF_8));
    assertThat(push.changes()).isPositive();
    assertThat(push.unreadable()).isZero();
  }

  @Test
  void aCompleteEventIsHandedOnAsSoonAsItsLastByteArrives() {
    String first = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n";
    PushRewrite push = RewrittenBody.events(new PlaceholderRewriter(), ChatCompletionTexts.INSTANCE, null);
    byte[] bytes = (first + "data: {\"cho").getBytes(UTF_8);

    assertThat(new String(push.feed(bytes, 0, bytes.length), UTF_8)).isEqualTo(first);
  }
}
