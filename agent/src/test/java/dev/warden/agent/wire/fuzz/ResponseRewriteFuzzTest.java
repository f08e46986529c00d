package dev.warden.agent.wire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.rewrite.PlaceholderRewriter;
import dev.warden.agent.wire.rewrite.RewrittenBody;
import dev.warden.agent.wire.rewrite.StreamChecks;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Response bodies of every format, JSON and streamed (SSE, and Bedrock's binary event stream), in
 * arbitrary pieces, read as the application reads them. The promise: nothing but the source's own
 * I/O exception reaches the application; with nothing to change the body comes out byte for byte;
 * a rewrite grows it by a bounded factor; the telemetry observer reads any of it.
 */
class ResponseRewriteFuzzTest {

  /** A placeholder (12 chars) restores to at most this many bytes, escaped, plus an extra event. */
  private static final int MAX_GROWTH = 8;
  private static final int SLACK_BYTES = 4096;

  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void rewriteResponse(FuzzedDataProvider data) {
    Route route = data.pickValue(FuzzRoutes.ALL);
    boolean eventStream = data.consumeBoolean();
    boolean cut = data.consumeBoolean();
    int readSize = data.consumeInt(1, 9000);
    int[] cuts = cuts(data);
    byte[] body = data.consumeRemainingAsBytes();
    IOException failure = cut ? new IOException("connection reset") : null;

    byte[] same = read(route, eventStream, CompletionRewriter.unchanged(), body, failure, cuts, readSize);
    if (failure == null) {
      assertThat(same).as("nothing to change: byte for byte").isEqualTo(body);
    } else {
      // a JSON body is read whole before it is served: a cut one serves nothing
      assertThat(Arrays.equals(body, 0, Math.min(same.length, body.length), same, 0, same.length))
          .as("nothing to change: a cut body as far as it came").isTrue();
    }

    byte[] restored = read(route, eventStream, new PlaceholderRewriter(), body, failure, cuts, readSize);
    assertThat((long) restored.length).isLessThanOrEqualTo((long) MAX_GROWTH * body.length + SLACK_BYTES);

    // directly, not through ObservedInputStream, which would drop an observer that throws
    ResponseObserver observer = route.adapter().observeResponse(eventStream);
    int at = 0;
    for (int end : cuts) {
      if (end >= body.length) {
        break;
      }
      observer.onBytes(body, at, end - at);
      at = end;
    }
    observer.onBytes(body, at, body.length - at);
    assertThat(observer.finish()).isNotNull();
  }

  /**
   * Reads the rewritten body to its end; a cut source's exception must be the one that ends it.
   */
  private static byte[] read(Route route, boolean eventStream, CompletionRewriter rewriter, byte[] body,
      IOException failure, int[] cuts, int readSize) {
    RewrittenBody rewritten = route.adapter().rewriteResponse(StreamChecks.pieces(body, failure, cuts), eventStream,
        rewriter);
    if (failure == null) {
      return StreamChecks.readAll(rewritten, readSize).bytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[readSize];
    assertThatThrownBy(() -> {
      int n;
      while ((n = rewritten.read(buffer, 0, readSize)) != -1) {
        out.write(buffer, 0, n);
      }
    }).isSameAs(failure);
    return out.toByteArray();
  }

  /** Where the source's reads end: increasing offsets. */
  private static int[] cuts(FuzzedDataProvider data) {
    int[] cuts = new int[data.consumeInt(0, 16)];
    int at = 0;
    for (int i = 0; i < cuts.length; i++) {
      at += data.consumeInt(1, 4096);
      cuts[i] = at;
    }
    return cuts;
  }
}
