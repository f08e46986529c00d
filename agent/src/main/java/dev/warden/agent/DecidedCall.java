package dev.warden.agent;

import dev.warden.agent.wire.BlockResponses;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.response.CapturingInputStream;
import dev.warden.agent.wire.response.ObservedInputStream;
import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.agent.wire.response.SummaryWatch;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.bootstrap.ResponseFilter;
import dev.warden.bootstrap.ResponseWatch;
import dev.warden.bootstrap.WireCall;
import dev.warden.policies.cache.ResponseCache;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.limits.Reservation;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A request the policy has decided: either answered with a block response or sent on, in which
 * case its response may still be withheld (the completion leaked the canary) and answered with
 * the block response prepared for that.
 */
final class DecidedCall implements WireCall {

  private static volatile boolean warnedCompressed;

  private final Route route;
  private final byte[] requestBody;
  private final int blockStatus;
  private final Map<String, String> blockHeaders;
  private final byte[] blockBody;
  private final CompletionRewriter completions;
  private final BlockResponses.Response withheld;
  private final Map<String, String> headers;
  private final WireTerms terms;
  private final Decision withheldDecision;
  private final CallEvidence evidence;
  private final CacheFill cacheFill;

  private static final String AWS_EVENT_STREAM = "application/vnd.amazon.eventstream";

  /** Where a cacheable miss stores its response: the policy's cache and the call's entry. */
  record CacheFill(ResponseCache cache, ResponseCache.Entry entry) {}

  /** The largest response kept for the cache; a larger one is not cached. */
  static final int MAX_CACHED_BYTES = 4 << 20;

  private DecidedCall(Route route, byte[] requestBody, int blockStatus, Map<String, String> blockHeaders,
      byte[] blockBody, CompletionRewriter completions, BlockResponses.Response withheld,
      Map<String, String> headers, WireTerms terms, Decision withheldDecision, CallEvidence evidence,
      CacheFill cacheFill) {
    this.route = route;
    this.requestBody = requestBody;
    this.blockStatus = blockStatus;
    this.blockHeaders = blockHeaders;
    this.blockBody = blockBody;
    this.completions = completions;
    this.withheld = withheld;
    this.headers = headers;
    this.terms = terms;
    this.withheldDecision = withheldDecision;
    this.evidence = evidence;
    this.cacheFill = cacheFill;
  }

  /**
   * @param completions what the response's completion text goes through, or null for nothing
   * @param withheld    the block that replaces a response whose completion leaked, when
   *                    {@code completions} checks for leaks; else null
   * @param headers     request headers to set before sending
   * @param terms       the decision's terms: the tokens they hold are settled from the response
   * @param evidence    the call's span and audit records, finished when the response ends
   * @param cacheFill   where the response goes when it is complete, or null when the call is not cached
   */
  static DecidedCall forward(Route route, byte[] requestBody, CompletionRewriter completions, Decision withheld,
      Map<String, String> headers, WireTerms terms, CallEvidence evidence, CacheFill cacheFill) {
    if (cacheFill != null) {
      evidence.cacheMiss();
    }
    return new DecidedCall(route, requestBody, 0, Map.of(), null, completions,
        withheld == null ? null : BlockResponses.of(route.format(), withheld), headers, terms, withheld, evidence,
        cacheFill);
  }

  /** A call answered without the network: a block, or a response from the cache. */
  static DecidedCall answer(Route route, int status, Map<String, String> headers, byte[] body) {
    return new DecidedCall(route, null, status, headers, body, null, null, Map.of(), WireTerms.NONE, null, null, null);
  }

  @Override public boolean blocked() { return blockBody != null; }
  @Override public int blockStatus() { return withheld != null ? withheld.status() : blockStatus; }
  @Override public Map<String, String> blockHeaders() { return withheld != null ? withheld.headers() : blockHeaders; }
  @Override public byte[] blockBody() { return withheld != null ? withheld.body().clone() : blockBody; }
  @Override public byte[] requestBody() { return requestBody; }
  @Override public Map<String, String> headers() { return headers; }
  // a cacheable miss is read through onResponse too, so that its bytes can be kept
  @Override public boolean rewritesResponse() { return completions != null || cacheFill != null; }
  @Override public boolean mayWithholdResponse() { return withheld != null; }
  @Override public boolean responseWithheld() { return withheld != null && completions.leaked(); }

  @Override
  public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) {
    boolean eventStream = isEventStream(headers);
    CapturingInputStream kept = cacheFill != null && status == 200
        && !hasEncodingOtherThanIdentity(headers, "content-encoding") ? new CapturingInputStream(body, MAX_CACHED_BYTES) : null;
    InputStream seen = rewritten(status, headers, kept != null ? kept : body, eventStream);
    // observed after the rewrite, so the debug line also has what completions: detect counted to the end
    Consumer<ResponseSummary> onEnd = onEnd(status);
    if (kept != null) {
      Consumer<ResponseSummary> then = onEnd;
      onEnd = summary -> {
        // only a whole, regular answer (a JSON document, or a stream to its terminal event) that
        // nothing withheld is stored
        if (summary.complete() && !responseWithheld() && kept.captured() != null) {
          cacheFill.cache().store(cacheFill.entry(), kept.captured());
        }
        if (then != null) {
          then.accept(summary);
        }
      };
    }
    return onEnd == null ? seen : new ObservedInputStream(seen, route.adapter().observeResponse(eventStream), onEnd);
  }

  @Override
  public ResponseWatch watchResponse(int status, Map<String, List<String>> headers) {
    Consumer<ResponseSummary> onEnd = onEnd(status);
    return onEnd == null ? null : new SummaryWatch(route.adapter().observeResponse(isEventStream(headers)), onEnd);
  }

  @Override
  public ResponseFilter filterResponse(int status, Map<String, List<String>> headers) {
    boolean eventStream = isEventStream(headers);
    boolean rewrite = completions != null && status >= 200 && status < 300
        && !hasEncodingOtherThanIdentity(headers, "content-encoding");
    PushRewrite push = rewrite
        ? route.adapter().pushRewrite(eventStream, completions, withheld == null ? null : withheld.body()) : null;
    if (rewrite && push == null && !eventStream) {
      return new BufferedResponse(in -> onResponse(status, headers, in));
    }
    Consumer<ResponseSummary> onEnd = onEnd(status);
    return push == null && onEnd == null ? null
        : new PushedResponse(route.adapter().observeResponse(eventStream), push, onEnd);
  }

  /**
   * What to do with the summary of a response of {@code status}: settle the tokens the call holds,
   * log the debug line; null when neither is wanted. Releases the tokens of a refused call at once.
   */
  private Consumer<ResponseSummary> onEnd(int status) {
    Reservation held = terms.reservation();
    if (held != null && (status < 200 || status >= 300)) {
      held.release(); // the provider refused the call: it used no tokens
      held = null;
    }
    boolean debug = WardenLog.debugEnabled();
    boolean evidenced = evidence != null && evidence.watchesResponse(withheld != null);
    if (!debug && held == null && !evidenced) {
      return null;
    }
    Reservation toSettle = held;
    return summary -> {
      if (toSettle != null) {
        settle(toSettle, summary);
      }
      if (evidenced) {
        evidence.responseEnded(status, summary, responseWithheld() ? withheldDecision : null);
      }
      if (debug) {
        WardenLog.debug(route.provider() + " " + route.operation() + " response " + status + ": "
            + summary + completionFindings() + (responseWithheld() ? " withheld: canary_leaked" : ""));
      }
    };
  }

  /** Charges the call what the provider says it used; without usage in the response, the estimate held. */
  private void settle(Reservation held, ResponseSummary summary) {
    Long input = summary.inputTokens();
    Long output = summary.outputTokens();
    held.settle(input != null || output != null
        ? (input == null ? 0 : input) + (output == null ? 0 : output)
        : terms.reservedTokens());
  }

  private InputStream rewritten(int status, Map<String, List<String>> headers, InputStream body, boolean eventStream) {
    if (completions == null || status < 200 || status >= 300) {
      return body;
    }
    if (hasEncodingOtherThanIdentity(headers, "content-encoding")) {
      // the server ignored Accept-Encoding: identity: placeholders reach the application as they are
      if (!warnedCompressed) {
        warnedCompressed = true;
        WardenLog.warn("a compressed " + route.provider()
            + " response cannot be restored, redacted or checked for the canary; passed as received (logged once)");
      }
      return body;
    }
    return route.adapter().rewriteResponse(body, eventStream, completions, withheld == null ? null : withheld.body());
  }

  /** Until spans carry them: the counts of completions: detect, never values. */
  private String completionFindings() {
    Map<String, Integer> found = completions == null ? Map.of() : completions.findings();
    return found.isEmpty() ? "" : " completion findings=" + found;
  }

  /** Whether header {@code name} (lower case) names an encoding other than {@code identity}. */
  static boolean hasEncodingOtherThanIdentity(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey())) {
        for (String value : header.getValue()) {
          if (!value.isBlank() && !value.trim().equalsIgnoreCase("identity")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Server-sent events, or the AWS event stream of Bedrock's streamed responses. */
  private static boolean isEventStream(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("content-type".equalsIgnoreCase(header.getKey())) {
        for (String value : header.getValue()) {
          if (value.regionMatches(true, 0, "text/event-stream", 0, 17)
              || value.regionMatches(true, 0, AWS_EVENT_STREAM, 0, AWS_EVENT_STREAM.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  public void onFailure(Throwable error) {
    if (terms.reservation() != null) {
      terms.reservation().release();
    }
    if (evidence != null) {
      evidence.failed(error);
    }
  }
}
