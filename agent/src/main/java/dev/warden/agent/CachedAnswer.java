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
 * it) goes through the call's own completion rewriter, exactly as a fresh one would (its
 * pseudonyms restored, completions redacted, the canary checked), and is handed to the
 * application as a 200 with {@code x-warden-cache: hit}. The tokens the call held are given back.
 */
final class CachedAnswer {

  private static final Map<String, String> HEADERS = Map.of("content-type", "application/json", "x-warden-cache", "hit");

  private CachedAnswer() {}

  static WireCall of(Route route, byte[] stored, CompletionRewriter completions, Decision withheld, Decision decision,
      CallEvidence evidence) {
    if (decision.terms().reservation() != null) {
      decision.terms().reservation().release();
    }
    byte[] body = completions == null ? stored : rewritten(route, stored, completions,
        withheld == null ? null : BlockResponses.of(route.format(), withheld).body());
    boolean leaked = completions != null && completions.leaked();
    evidence.responseEnded(200, summaryOf(route, body), leaked ? withheld : null);
    return leaked ? CallDecider.blocked(route, withheld) : DecidedCall.answer(route, 200, HEADERS, body);
  }

  private static byte[] rewritten(Route route, byte[] stored, CompletionRewriter completions, byte[] withheldBody) {
    try (InputStream in = route.adapter().rewriteResponse(new ByteArrayInputStream(stored), false, completions, withheldBody)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResponseSummary summaryOf(Route route, byte[] body) {
    ResponseObserver observer = route.adapter().observeResponse(false);
    observer.onBytes(body, 0, body.length);
    return observer.finish();
  }
}
