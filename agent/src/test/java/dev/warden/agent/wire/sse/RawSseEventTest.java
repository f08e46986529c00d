package dev.warden.agent.wire.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawSseEventTest {

  private static RawSseEvent parse(String raw) {
    byte[] bytes = raw.getBytes(UTF_8);
    return new RawSseEvent().parse(bytes, bytes.length);
  }

  @Test
  void readsNameAndJoinedDataAsAClientDoes() {
    RawSseEvent event = parse("id: 3\r\nevent: content_block_delta\r\n: note\r\ndata: {\"a\":\r\ndata:1}\r\ndata\r\n\r\n");

    assertThat(event.hasData()).isTrue();
    assertThat(event.name()).isEqualTo("content_block_delta");
    assertThat(new String(event.data(), UTF_8)).isEqualTo("{\"a\":\n1}\n");
    assertThat(event.lineEnd()).isEqualTo("\r\n".getBytes(UTF_8));
  }

  @Test
  void withDataKeepsEveryOtherByte() {
    String raw = "id: 3\r\nevent: x\r\n: note\r\ndata: {\"a\":\r\ndata:\"b\"}\r\nretry: 5\r\n\r";
    RawSseEvent event = parse(raw);

    byte[] rewritten = event.withData("{\"a\":\n\"héllo\"}".getBytes(UTF_8));

    assertThat(new String(rewritten, UTF_8)).isEqualTo(raw.replace("data:\"b\"}", "data:\"héllo\"}"));
    assertThatThrownBy(() -> event.withData("{}".getBytes(UTF_8))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commentsAndBlankLinesHaveNoData() {
    assertThat(parse(": ping\n\n").hasData()).isFalse();
    assertThat(parse("\n").hasData()).isFalse();
    assertThat(parse("event: ping\n\n").hasData()).isFalse();
    assertThat(parse("data:\n\n").data()).isEmpty();
    assertThat(parse("data: x\r").lineEnd()).isEqualTo("\r".getBytes(UTF_8));
  }
}
