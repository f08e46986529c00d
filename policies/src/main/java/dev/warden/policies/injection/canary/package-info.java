/**
 * The injection canary ({@code injection.canary: true}): a random token planted in each call's
 * system prompt ({@link dev.warden.policies.injection.canary.Canary}), and a guard on the
 * completion side ({@link dev.warden.policies.injection.canary.CanaryGuard}) that withholds a
 * completion repeating the token, or a long verbatim passage of the system prompt, and reports the
 * leak so that the caller answers with {@code canary_leaked} instead. A model that repeats its
 * instructions is the visible end of most prompt-leak and injection attacks; the canary catches it
 * whatever the attack looked like on the way in. Plain Java: no I/O, nothing logged.
 */
package dev.warden.policies.injection.canary;
