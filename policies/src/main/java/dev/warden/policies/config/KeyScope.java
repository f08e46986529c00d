package dev.warden.policies.config;

import java.util.List;
import java.util.Objects;

/**
 * One validated entry of {@code keys.scopes}. A null list means "any"; lists are never empty.
 *
 * @param id          unique scope id, reported as {@code warden.key.id}
 * @param fingerprint {@code "sha256:"} + 64 lowercase hex digits of the API key's SHA-256
 * @param providers   provider names the key may call, or null for any
 * @param models      model globs ({@code *} and {@code ?}) the key may use, or null for any
 * @param operations  operations ({@code chat}, {@code embeddings}) the key may use, or null for any
 * @param pii         the scope's {@code pii} settings when it overrides the section's, else null
 * @param injection   the scope's {@code injection} settings when it overrides the section's, else null
 */
public record KeyScope(String id, String fingerprint, List<String> providers, List<String> models, List<String> operations,
    PiiPolicy pii, InjectionPolicy injection) {

  public KeyScope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fingerprint, "fingerprint");
    providers = providers == null ? null : List.copyOf(providers);
    models = models == null ? null : List.copyOf(models);
    operations = operations == null ? null : List.copyOf(operations);
  }
}
