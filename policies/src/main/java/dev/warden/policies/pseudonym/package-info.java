/**
 * Reversible pseudonymization of personal data: a call's prompts carry stable placeholders such
 * as {@code <EMAIL_7f3a>} instead of real values ({@link dev.warden.policies.pseudonym.Pseudonymizer}),
 * the mapping lives in one {@link dev.warden.policies.pseudonym.PseudonymVault} per call, derived
 * under a secret {@link dev.warden.policies.pseudonym.PseudonymKey}, and the completion, whole or
 * streamed, gets its real values back
 * ({@link dev.warden.policies.pseudonym.CompletionFilter}), after the personal data the
 * model produced itself has been redacted when the policy says so.
 */
package dev.warden.policies.pseudonym;
