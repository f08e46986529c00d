package dev.warden.policies.decision;

import dev.warden.policies.limits.Reservation;
import dev.warden.policies.secret.Secret;

/**
 * What the wire hook must do for an allowed request besides rewriting its text: put the real key
 * in place of the virtual one, lower the output token limit, and settle the tokens the key scope's
 * limits hold for the call once the response says how many it used. Immutable.
 *
 * @param secret           the real key to send instead of the application's virtual key, or null
 *                         to send the key the application sent
 * @param outputTokenLimit the output token limit to write into the request (lowering or adding
 *                         the provider's field), or null to leave it
 * @param reservation      the tokens held for the call, to be settled from the response's usage
 *                         (or released when the call fails), or null when no limit counts tokens
 * @param reservedTokens   how many tokens {@code reservation} holds: what the call is charged when
 *                         the response reports no usage
 */
public record WireTerms(Secret secret, Integer outputTokenLimit, Reservation reservation, long reservedTokens) {

  public static final WireTerms NONE = new WireTerms(null, null, null, 0);

  /** True when the request goes out as the application built it and nothing is to settle. */
  public boolean none() {
    return secret == null && outputTokenLimit == null && reservation == null;
  }

  /** These terms with {@code reservation} holding {@code tokens}. */
  public WireTerms holding(Reservation reservation, long tokens) {
    return new WireTerms(secret, outputTokenLimit, reservation, tokens);
  }
}
