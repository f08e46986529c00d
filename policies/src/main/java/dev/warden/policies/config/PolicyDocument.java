package dev.warden.policies.config;

import dev.warden.policies.alerts.AlertThresholds;
import java.util.List;
import java.util.Objects;

/**
 * A validated version 1 policy, before compilation: plain values with every default filled in.
 * Immutable.
 *
 * @param monitor    {@code mode: monitor}: decide and record, change nothing
 * @param failClosed {@code onError: block}: a call is blocked when Warden itself fails
 * @param providers  configured endpoints in file order, then the built-in ones
 * @param identity   the {@code identity} section, {@link IdentityPolicy#NONE} when absent
 * @param keys       the {@code keys} section, or null when the file has none (every key allowed)
 * @param pii        the {@code pii} section, {@link PiiPolicy#OFF} when absent
 * @param injection  the {@code injection} section, {@link InjectionPolicy#OFF} when absent
 * @param audit      the {@code audit} section, {@link AuditPolicy#OFF} when absent
 * @param telemetryContent {@code telemetry.content: redacted}: spans carry the redacted prompt and completion
 * @param cache      the {@code cache} section, {@link CachePolicy#OFF} when absent or disabled
 * @param alerts     the {@code alerts} section, {@link AlertThresholds#OFF} when absent
 * @param inventory  the {@code inventory} section, {@link InventoryPolicy#NONE} when absent
 */
public record PolicyDocument(boolean monitor, boolean failClosed, List<ProviderEndpoint> providers,
    IdentityPolicy identity, KeyPolicy keys, PiiPolicy pii, InjectionPolicy injection, AuditPolicy audit,
    boolean telemetryContent, CachePolicy cache, AlertThresholds alerts, InventoryPolicy inventory) {

  /** True when the section or a key scope scores injections: only then is the model loaded. */
  public boolean usesInjection() {
    if (!injection.off()) {
      return true;
    }
    if (keys != null) {
      for (KeyScope scope : keys.scopes()) {
        if (scope.injection() != null && !scope.injection().off()) {
          return true;
        }
      }
    }
    return false;
  }

  public PolicyDocument {
    providers = List.copyOf(providers);
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(pii, "pii");
    Objects.requireNonNull(injection, "injection");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(inventory, "inventory");
  }
}
