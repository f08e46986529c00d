package dev.warden.agent;

import dev.warden.agent.inventory.LibraryInventory;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.agent.wire.BlockResponses;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.KeyFingerprint;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.json.OutputTokenLimit;
import dev.warden.bootstrap.WireCall;
import dev.warden.policies.cache.ResponseCache;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps 2–4 of a call: decode the body into an {@link Exchange}, let the policy decide, and turn
 * the decision into what the transport does (send as is, send rewritten, or answer blocked).
 */
final class CallDecider {

  private CallDecider() {}

  /**
   * @param host the request's host, for the span's {@code server.address}
   * @param port the request's port
   */
  static WireCall decide(ActivePolicy policy, Route route, String host, int port, Map<String, List<String>> headers,
      byte[] body) {
    DecodedRequest request = body == null ? null : route.adapter().decode(route, body, KeyFingerprint.of(headers));
    if (request == null) {
      // an LLM endpoint whose body Warden cannot read: it cannot be checked
      return policy.snapshot().failClosed()
          ? blocked(route, wardenError(policy.snapshot().hash(), "Warden could not read this request body."))
          : null;
    }
    Exchange exchange = request.exchange();
    // on the application's thread, where its MDC and security context are; the JDK client's
    // HttpClientImpl is a JDK class, so the context class loader is the application's view
    Caller caller = policy.callers().resolve(null);
    // which libraries made the call matters only to inventory.deny and the trail's first-use records
    List<String> libraries = policy.snapshot().deniesLibraries() || policy.audit() != null
        ? LibraryInventory.jvm().callingLibraries(headers) : List.of();
    Decision decision = policy.snapshot().onRequest(exchange, caller, libraries);
    LibraryInventory.jvm().used(policy, host, port, exchange, decision.keyId(), libraries);
    if (WardenLog.debugEnabled()) {
      WardenLog.debug(describe(exchange, decision));
    }
    CallEvidence evidence = CallEvidence.start(policy, host, port, exchange, caller, decision);
    if (evidence.recordsContent()) {
      evidence.recordPrompt(sentParts(exchange, decision));
    }
    if (decision.blocks()) {
      evidence.record(decision, false);
      evidence.blocked(decision);
      evidence.countForAlerts(decision);
      return blocked(route, decision);
    }
    CompletionRewriter completions = decision.enforced() ? decision.completionRewriter() : null;
    Decision withheld = completions != null && completions.checksLeaks()
        ? policy.snapshot().completionWithheld(decision) : null;
    if (evidence.recordsContent()) {
      completions = evidence.recordCompletion(completions);
    }
    byte[] toSend = decision.modifies() ? request.encode(decision.rewrittenParts()) : body;
    Map<String, String> sendHeaders =
        completions != null && DecidedCall.hasEncodingOtherThanIdentity(headers, "accept-encoding") ? IDENTITY : Map.of();
    WireTerms terms = decision.terms();
    if (!terms.none()) {
      // the key is swapped even in monitor mode: the virtual key alone cannot call the provider
      if (terms.secret() != null) {
        sendHeaders = with(sendHeaders, KeyFingerprint.replacing(KeyFingerprint.header(headers), terms.secret().value()));
      }
      if (terms.outputTokenLimit() != null && decision.enforced() && !route.adapter().outputTokenFields().isEmpty()) {
        toSend = clamp(toSend, route, terms.outputTokenLimit());
      }
    }
    // a path-model route (Bedrock) would share entries across models and stream kinds: not cached
    ResponseCache cache = decision.enforced() && route.pathModel() == null ? policy.snapshot().cache() : null;
    ResponseCache.Entry entry = cache == null ? null : entryFor(policy, cache, exchange, decision, caller, toSend);
    ResponseCache.Lookup lookup = entry == null ? null : cache.lookup(entry);
    if (lookup != null && lookup.openFailed()) {
      evidence.cacheEntryRejected();
    }
    boolean hit = lookup != null && lookup.hit() != null;
    if (!evidence.record(decision, hit) && policy.snapshot().audit().required()) {
      release(decision);
      Decision error = wardenError(policy.snapshot().hash(), "Warden could not write this call's audit record, "
          + "and the policy requires one.");
      evidence.blocked(error);
      return blocked(route, error);
    }
    evidence.countForAlerts(decision);
    if (hit) {
      return CachedAnswer.of(route, lookup.hit(), exchange.stream(), completions, withheld, decision, evidence);
    }
    return DecidedCall.forward(route, toSend, completions, withheld, sendHeaders, terms, evidence,
        entry == null ? null : new DecidedCall.CacheFill(cache, entry));
  }

  /** The cache entry of a call (in its key scope's or principal's partition), or null when it is not cached. */
  private static ResponseCache.Entry entryFor(ActivePolicy policy, ResponseCache cache, Exchange exchange,
      Decision decision, Caller caller, byte[] toSend) {
    String partition = policy.snapshot().cachePartition(decision.keyId(), exchange.keyFingerprint(), caller);
    return partition == null ? null : cache.entryFor(exchange, toSend, partition);
  }

  /** {role, text as sent} of each part: the rewritten text where the decision changed it. */
  private static List<String[]> sentParts(Exchange exchange, Decision decision) {
    String[] rewritten = decision.modifies() ? decision.rewrittenParts() : null;
    List<String[]> parts = new ArrayList<>(exchange.parts().size());
    for (int i = 0; i < exchange.parts().size(); i++) {
      TextPart part = exchange.parts().get(i);
      String sent = rewritten != null && rewritten[i] != null ? rewritten[i] : part.text();
      parts.add(new String[] {part.role(), sent == null ? "" : sent});
    }
    return parts;
  }

  private static byte[] clamp(byte[] body, Route route, int limit) {
    try {
      return OutputTokenLimit.apply(body, route.adapter().outputTokenContainer(), route.adapter().outputTokenFields(),
          limit);
    } catch (IOException e) {
      throw new UncheckedIOException("a decoded request body is no longer a JSON object", e);
    }
  }

  private static Map<String, String> with(Map<String, String> headers, Map.Entry<String, String> header) {
    Map<String, String> out = new LinkedHashMap<>(headers);
    out.put(header.getKey(), header.getValue());
    return out;
  }

  /**
   * Sent instead of the application's Accept-Encoding when the response must be rewritten: an
   * application that asks for compression itself decompresses itself, and Warden could not read the body.
   */
  private static final Map<String, String> IDENTITY = Map.of("Accept-Encoding", "identity");

  private static void release(Decision decision) {
    if (decision.terms().reservation() != null) {
      decision.terms().reservation().release();
    }
  }

  static WireCall blocked(Route route, Decision decision) {
    BlockResponses.Response response = BlockResponses.of(route.format(), decision,
        decision.retryAfterSeconds() > 0 ? decision.retryAfterSeconds() : BlockResponses.DEFAULT_RETRY_AFTER_SECONDS);
    return DecidedCall.answer(route, response.status(), response.headers(), response.body());
  }

  static Decision wardenError(String policyHash, String message) {
    return new Decision(Decision.Kind.BLOCK, true, "error", "warden_error", 403, message, null, List.of(), null,
        policyHash, null, null, WireTerms.NONE, 0);
  }

  /** One line per call for {@code -Dwarden.log=debug}: names and counts, never content. */
  private static String describe(Exchange exchange, Decision decision) {
    StringBuilder line = new StringBuilder(96)
        .append(exchange.provider()).append(' ').append(exchange.operation()).append(' ')
        .append(exchange.model()).append(exchange.stream() ? " (stream)" : "").append(": ")
        .append(decision.kind().label());
    if (decision.code() != null) {
      line.append(" code=").append(decision.code());
    }
    if (!decision.findings().isEmpty()) {
      line.append(" findings=").append(decision.findings());
    }
    if (decision.keyId() != null) {
      line.append(" key=").append(decision.keyId());
    }
    if (decision.injection() != null) {
      line.append(" injection=").append(Math.round(decision.injection().score() * 100) / 100.0)
          .append(decision.injection().flagged() ? " flagged " + decision.injection().reasons() : "");
    }
    if (!decision.enforced()) {
      line.append(" (monitor: not enforced)");
    }
    return line.toString();
  }
}
