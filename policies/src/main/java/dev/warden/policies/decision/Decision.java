package dev.warden.policies.decision;

import dev.warden.policies.pii.CompletionRewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The policy's answer for one request. Immutable; carries no prompt text except the rewritten
 * parts that the wire adapter must put back into the body.
 *
 * @param kind       allow, modify or block, as decided
 * @param enforced   false in monitor mode: the decision is recorded but nothing is changed
 * @param rule       the rule that decided a block or modification (key, model, pii), or null
 * @param code       the error code of a block (model_not_allowed, key_not_allowed, ...), or null
 * @param status     the HTTP status of a block (403, 429), or 0
 * @param message    a human message for the block response; never quotes request content
 * @param rewrittenParts replacement text per {@code Exchange.parts()} index, null entries unchanged;
 *                   null when nothing is rewritten
 * @param findings   what the rules found
 * @param keyId      id of the key scope the call matched, or null
 * @param policyHash "sha256:..." of the policy file that decided
 * @param completionRewriter what the response's completion text must go through (pseudonyms
 *                   restored, PII redacted), or null when the response passes unchanged
 * @param injection  what the injection rule found, or null when it did not score the request
 * @param terms      what the wire hook must change on the request besides its text (the real key,
 *                   an output token limit); {@link WireTerms#NONE} when nothing, and for blocks
 * @param retryAfterSeconds the {@code Retry-After} of a 429, else 0
 */
public record Decision(
    Kind kind,
    boolean enforced,
    String rule,
    String code,
    int status,
    String message,
    String[] rewrittenParts,
    List<Finding> findings,
    String keyId,
    String policyHash,
    CompletionRewriter completionRewriter,
    InjectionVerdict injection,
    WireTerms terms,
    long retryAfterSeconds) {

  public Decision {
    Objects.requireNonNull(terms, "terms");
  }

  public enum Kind {
    ALLOW, MODIFY, BLOCK;

    /** Lowercase name as used in telemetry and audit records. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** This decision with {@code verdict} as its injection finding. */
  public Decision withInjection(InjectionVerdict verdict) {
    return new Decision(kind, enforced, rule, code, status, message, rewrittenParts, findings, keyId, policyHash,
        completionRewriter, verdict, terms, retryAfterSeconds);
  }

  /** This decision with {@code terms} for the wire hook. */
  public Decision withTerms(WireTerms terms) {
    return new Decision(kind, enforced, rule, code, status, message, rewrittenParts, findings, keyId, policyHash,
        completionRewriter, injection, terms, retryAfterSeconds);
  }

  /** This decision with {@code finding} added to its findings. */
  public Decision withFinding(Finding finding) {
    List<Finding> more = new ArrayList<>(findings.size() + 1);
    more.addAll(findings);
    more.add(finding);
    return new Decision(kind, enforced, rule, code, status, message, rewrittenParts, List.copyOf(more), keyId,
        policyHash, completionRewriter, injection, terms, retryAfterSeconds);
  }

  /** True when the caller must answer with the block response instead of sending. */
  public boolean blocks() {
    return enforced && kind == Kind.BLOCK;
  }

  /** True when the caller must send the rewritten parts. */
  public boolean modifies() {
    return enforced && kind == Kind.MODIFY && rewrittenParts != null;
  }
}
