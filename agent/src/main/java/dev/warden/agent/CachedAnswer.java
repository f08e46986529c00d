package dev.warden.agent;

import dev.warden.agent.wire.BlockResponses;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.bootstrap.WireCall;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A call answered from the cache, with no network call: the stored response (as the provider sent
 * it: a JSON body, or a streamed call's events) goes through the call's own completion rewriter,
 * exactly as a fresh one would (its pseudonyms restored, completions redacted, the canary checked),
 * and is handed to the application as a 200 with {@code x-warden-cache: hit}, a stream replayed
 * in the provider's own event format. The tokens the call held are given back.
 */
final class CachedAnswer {

  private static final Map<String, String> JSON = Map.of("content-type", "application/json", "x-warden-cache", "hit");
  private static final Map<String, String> STREAM =
      Map.of("content-type", "text/event-stream; charset=utf-8", "x-warden-cache", "hit");

  private CachedAnswer() {}

  /** @param stream true when the stored response is a stream's events */
  static WireCall of(Route route, byte[] stored, boolean stream, CompletionRewriter completions, Decision withheld,
      Decision decision, CallEvidence evidence) {
    if (decision.terms().reservation() != null) {
      decision.terms().reservation().release();
    }
    byte[] body = completions == null ? stored : rewritten(route, stored, stream, completions,
        withheld == null ? null : BlockResponses.of(route.format(), withheld).body());
    boolean leaked = completions != null && completions.leaked();
    evidence.responseEnded(200, summaryOf(route, body, stream), leaked ? withheld : null);
    // a leaking stream already ends with the format's error event, as a fresh one would
    return leaked && !stream ? CallDecider.blocked(route, withheld)
        : DecidedCall.answer(route, 200, stream ? STREAM : JSON, body);
  }

  private static byte[] rewritten(Route route, byte[] stored, boolean stream, CompletionRewriter completions,
      byte[] withheldBody) {
    try (InputStream in = route.adapter().rewriteResponse(new ByteArrayInputStream(stored), stream, completions,
        withheldBody)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResponseSummary summaryOf(Route route, byte[] body, boolean stream) {
    ResponseObserver observer = route.adapter().observeResponse(stream);
    observer.onBytes(body, 0, body.length);
    return observer.finish();
  }
}
