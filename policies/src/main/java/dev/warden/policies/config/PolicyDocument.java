package dev.warden.policies.config;

import java.util.List;
import java.util.Objects;

/**
 * A validated version 1 policy, before compilation: plain values with every default filled in.
 * Immutable.
 *
 * @param monitor    {@code mode: monitor}: decide and record, change nothing
 * @param failClosed {@code onError: block}: a call is blocked when Warden itself fails
 * @param providers  configured endpoints in file order, then the built-in ones
 * @param keys       the {@code keys} section, or null when the file has none (every key allowed)
 * @param pii        the {@code pii} section, {@link PiiPolicy#OFF} when absent
 */
public record PolicyDocument(boolean monitor, boolean failClosed, List<ProviderEndpoint> providers, KeyPolicy keys, PiiPolicy pii) {

  public PolicyDocument {
    providers = List.copyOf(providers);
    Objects.requireNonNull(pii, "pii");
  }
}
