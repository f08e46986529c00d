/**
 * Rate limits and budgets of key scopes: {@code requestsPerMinute}, {@code tokensPerMinute} and
 * {@code tokensPerDay} as token buckets per partition (a scope, or a principal within it). A
 * request is admitted by a {@link dev.warden.policies.limits.LimitStore} against its estimated
 * tokens, and the {@link dev.warden.policies.limits.Reservation} it gets is settled later with
 * the tokens the provider reported. Plain Java, no dependencies.
 */
package dev.warden.policies.limits;
