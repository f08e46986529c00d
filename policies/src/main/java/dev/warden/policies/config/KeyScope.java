package dev.warden.policies.config;

import dev.warden.policies.limits.Limits;
import dev.warden.policies.secret.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One validated entry of {@code keys.scopes}. A null list means "any"; lists are never empty.
 *
 * @param id                 unique scope id, reported as {@code warden.key.id}
 * @param fingerprint        {@code "sha256:"} + 64 lowercase hex digits of a real API key the
 *                           application holds, or null when the scope is matched by its virtual key only
 * @param virtualFingerprint the same fingerprint of the scope's {@code virtualKey}, or null
 * @param secret             where the real key that replaces the virtual key is read; set exactly
 *                           when {@code virtualFingerprint} is
 * @param providers          provider names the key may call, or null for any
 * @param models             model globs ({@code *} and {@code ?}) the key may use, or null for any
 * @param operations         operations ({@code chat}, {@code embeddings}) the key may use, or null for any
 * @param roles              roles of which the caller must have one, or null for anyone
 * @param maxOutputTokens    the most output tokens a request may ask for, or null for no limit
 * @param clampOutputTokens  true to lower (or set) a request's output token limit to
 *                           {@code maxOutputTokens} instead of refusing a request that asks for more
 * @param expires            the instant from which the key is refused, or null
 * @param disabled           true when every call with the key is refused ({@code disabled: true}),
 *                           an incident switch that needs no other change to the scope
 * @param limits             the scope's rate limits and budget, or null for none
 * @param pii                the scope's {@code pii} settings when it overrides the section's, else null
 * @param injection          the scope's {@code injection} settings when it overrides the section's, else null
 */
public record KeyScope(String id, String fingerprint, String virtualFingerprint, Secret secret,
    List<String> providers, List<String> models, List<String> operations, List<String> roles,
    Integer maxOutputTokens, boolean clampOutputTokens, Instant expires, boolean disabled, Limits limits, PiiPolicy pii,
    InjectionPolicy injection) {

  public KeyScope {
    Objects.requireNonNull(id, "id");
    if (fingerprint == null && virtualFingerprint == null) {
      throw new IllegalArgumentException("a key scope needs a fingerprint or a virtual key");
    }
    if ((virtualFingerprint == null) != (secret == null)) {
      throw new IllegalArgumentException("a virtual key and its secret go together");
    }
    providers = providers == null ? null : List.copyOf(providers);
    models = models == null ? null : List.copyOf(models);
    operations = operations == null ? null : List.copyOf(operations);
    roles = roles == null ? null : List.copyOf(roles);
  }
}
