package dev.warden.agent.wire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.json.JsonSplicer;
import dev.warden.agent.wire.json.OutputTokenLimit;
import dev.warden.policies.exchange.TextPart;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Request bodies of every format, decoded and encoded again. The adapter's promise: bad input is
 * null (the call then follows {@code onError}), never an exception; an encode that changes nothing
 * is the body itself; an encode that changes texts replaces exactly those strings, so the result
 * decodes to the same parts with the new texts (lone surrogates as U+FFFD); a key scope's clamp
 * works on any decoded body.
 */
class RequestCodecFuzzTest {

  /** Needs escapes (quote, backslash, a control char) and is not ASCII, with a surrogate pair. */
  private static final String MARK = "\"\\\n\u00e9\ud83d\ude00<EMAIL_1a2b>";

  /** Bytes one char of {@link #MARK} may take once escaped ({@code \\uXXXX}). */
  private static final int MAX_ESCAPED_CHAR_BYTES = 6;

  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void decodeEncode(FuzzedDataProvider data) throws IOException {
    Route route = data.pickValue(FuzzRoutes.ALL);
    byte[] body = data.consumeRemainingAsBytes();
    WireAdapter adapter = route.adapter();

    DecodedRequest request = adapter.decode(route, body, "sha256:fuzz");
    if (request == null) {
      return; // the documented "cannot read this body" outcome
    }
    List<TextPart> parts = request.exchange().parts();
    assertThat(request.encode(null)).isSameAs(body);
    assertThat(request.encode(new String[parts.size()])).isEqualTo(body);
    assertThat(request.encode(texts(parts, ""))).isEqualTo(body);

    String[] changed = texts(parts, MARK);
    byte[] sent = request.encode(changed);
    assertThat((long) sent.length)
        .isLessThanOrEqualTo(body.length + (long) parts.size() * MARK.length() * MAX_ESCAPED_CHAR_BYTES);
    DecodedRequest again = adapter.decode(route, sent, "sha256:fuzz");
    assertThat(again).as("a rewritten body decodes again").isNotNull();
    assertThat(texts(again.exchange().parts(), "")).containsExactly(wellFormed(changed));

    if (!adapter.outputTokenFields().isEmpty()) {
      byte[] clamped = OutputTokenLimit.apply(body, adapter.outputTokenContainer(), adapter.outputTokenFields(), 1);
      assertThat(adapter.decode(route, clamped, "sha256:fuzz")).as("a clamped body decodes again").isNotNull();
    }
  }

  /** What a rewrite puts on the wire: lone surrogates become U+FFFD, as {@link JsonSplicer} documents. */
  private static String[] wellFormed(String[] texts) {
    String[] sent = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      sent[i] = texts[i] == null ? null : JsonSplicer.wellFormed(texts[i]);
    }
    return sent;
  }

  /** Each part's text with {@code suffix} appended (a part without text stays without). */
  private static String[] texts(List<TextPart> parts, String suffix) {
    String[] texts = new String[parts.size()];
    for (int i = 0; i < texts.length; i++) {
      String text = parts.get(i).text();
      texts[i] = text == null ? null : text + suffix;
    }
    return texts;
  }
}
