package dev.warden.policies.decision;

import dev.warden.policies.secret.Secret;

/**
 * What the wire hook must change on an allowed request besides its text: the real key in place of
 * the virtual one, and a lowered output token limit. Immutable.
 *
 * @param secret           the real key to send instead of the application's virtual key, or null
 *                         to send the key the application sent
 * @param outputTokenLimit the output token limit to write into the request (lowering or adding
 *                         the provider's field), or null to leave it
 */
public record WireTerms(Secret secret, Integer outputTokenLimit) {

  public static final WireTerms NONE = new WireTerms(null, null);

  /** True when the request goes out as the application built it, apart from its text. */
  public boolean none() {
    return secret == null && outputTokenLimit == null;
  }
}
