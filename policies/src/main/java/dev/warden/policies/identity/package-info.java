/**
 * Who is calling: the policy's {@code identity} section. {@link dev.warden.policies.identity.IdentitySource}
 * is one parsed entry of {@code identity.sources}, {@link dev.warden.policies.identity.RoleMap} the
 * compiled {@code identity.roles}, and {@link dev.warden.policies.identity.Caller} the neutral result
 * that the agent reads from the application's context (MDC, Spring Security, OpenTelemetry baggage,
 * …) and the policy maps to roles. Nothing here reads the application: that is the agent's job.
 */
package dev.warden.policies.identity;
