package dev.warden.policies.engine;

import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.limits.Admission;
import dev.warden.policies.limits.LimitStore;
import dev.warden.policies.limits.Limits;

/**
 * A key scope's {@code limits}: admits a request against the scope's counters (or its
 * principal's, with {@code perPrincipal}) in the JVM's one {@link LimitStore}, holding the tokens
 * the request may use until its response reports what it used. Thread-safe.
 */
final class LimitRule {

  static final String RULE = "limit";

  /** Chars per token of English text in the providers' tokenizers: an estimate, corrected from the response. */
  private static final int CHARS_PER_TOKEN = 4;

  private final LimitStore store;

  LimitRule(LimitStore store) {
    this.store = store;
  }

  /**
   * @param principal the caller's principal, or null; used only with {@code perPrincipal}
   * @param estimate  the tokens the request may use ({@link #estimate})
   */
  Admission admit(String scopeId, Limits limits, String principal, long estimate) {
    return store.admit(LimitStore.key(scopeId, limits.perPrincipal() ? principal : null), limits, estimate);
  }

  /**
   * The request's input tokens, estimated from its text, plus its output limit.
   *
   * @param outputLimit the most output tokens the request may produce, or null when it names none
   */
  static long estimate(Exchange exchange, Integer outputLimit) {
    long chars = 0;
    for (TextPart part : exchange.parts()) {
      chars += part.text() == null ? 0 : part.text().length();
    }
    return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + (outputLimit == null ? 0 : outputLimit);
  }

  /** The block message of a refusal; names the scope and the limit, never the principal. */
  static String message(String scopeId, Admission.Refused refused) {
    return "key scope '" + scopeId + "' is over its " + refused.limitName() + "; retry after "
        + refused.retryAfterSeconds() + " s";
  }
}
