package dev.warden.policies.engine;

import dev.warden.policies.config.KeyPolicy;
import dev.warden.policies.config.KeyScope;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.injection.InjectionScorer;
import dev.warden.policies.exchange.Exchange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled {@code keys} section: finds the scope of a request's key fingerprint and checks the
 * request's provider, operation and model against it. Immutable and thread-safe; a lookup is one
 * hash-map probe and the checks allocate nothing unless they refuse.
 */
final class KeyScopeRule {

  static final String RULE_KEY = "key";
  static final String RULE_MODEL = "model";
  static final String KEY_NOT_ALLOWED = "key_not_allowed";
  static final String MODEL_NOT_ALLOWED = "model_not_allowed";

  private static final int MAX_QUOTED = 64;

  /** One compiled scope, with its allow decision made in advance. */
  static final class Scope {
    final String id;
    final Decision allowed;
    /** True when the scope has its own {@code pii} settings; {@link #pii} is then its rule (null: off). */
    final boolean overridesPii;
    final PiiRule pii;
    /** True when the scope has its own {@code injection} settings; {@link #injection} is then its rule (null: off). */
    final boolean overridesInjection;
    final InjectionRule injection;
    private final Set<String> providers;
    private final Set<String> operations;
    private final Glob[] models;
    private final Verdicts verdicts;

    Scope(KeyScope scope, Verdicts verdicts, InjectionScorer scorer) {
      this.id = scope.id();
      this.allowed = verdicts.allow(id, List.of());
      this.overridesPii = scope.pii() != null;
      this.pii = overridesPii ? PiiRule.compile(scope.pii(), verdicts) : null;
      this.overridesInjection = scope.injection() != null;
      this.injection = overridesInjection ? InjectionRule.compile(scope.injection(), scorer, verdicts) : null;
      this.providers = scope.providers() == null ? null : new HashSet<>(scope.providers());
      this.operations = scope.operations() == null ? null : new HashSet<>(scope.operations());
      this.models = scope.models() == null ? null : scope.models().stream().map(Glob::compile).toArray(Glob[]::new);
      this.verdicts = verdicts;
    }

    /** The block decision for a request this scope does not allow, or null when it allows it. */
    Decision refuse(Exchange exchange) {
      String provider = exchange.provider();
      if (providers != null && (provider == null || !providers.contains(provider))) {
        return verdicts.forbid(RULE_KEY, KEY_NOT_ALLOWED, "provider " + quote(provider) + " is not allowed for key scope '" + id + "'", List.of(), id);
      }
      String operation = exchange.operation();
      if (operations != null && (operation == null || !operations.contains(operation))) {
        return verdicts.forbid(RULE_KEY, KEY_NOT_ALLOWED, "operation " + quote(operation) + " is not allowed for key scope '" + id + "'", List.of(), id);
      }
      if (models != null && !matchesAny(exchange.model())) {
        String what = exchange.model() == null ? "a request without a model" : "model " + quote(exchange.model());
        return verdicts.forbid(RULE_MODEL, MODEL_NOT_ALLOWED, what + " is not allowed for key scope '" + id + "'", List.of(), id);
      }
      return null;
    }

    private boolean matchesAny(String model) {
      if (model == null) {
        return false;
      }
      for (Glob glob : models) {
        if (glob.matches(model)) {
          return true;
        }
      }
      return false;
    }
  }

  private final Map<String, Scope> byFingerprint;
  private final Decision unmatched;

  /** @param scorer scores injections for the scopes that turn them on; null when none does */
  KeyScopeRule(KeyPolicy keys, Verdicts verdicts, InjectionScorer scorer) {
    Map<String, Scope> map = new HashMap<>();
    for (KeyScope scope : keys.scopes()) {
      map.put(scope.fingerprint(), new Scope(scope, verdicts, scorer));
    }
    this.byFingerprint = Map.copyOf(map);
    this.unmatched = keys.defaultAllow()
        ? null
        : verdicts.forbid(RULE_KEY, KEY_NOT_ALLOWED, "the API key matches no key scope and keys.default is deny", List.of(), null);
  }

  /** The scope whose fingerprint is {@code fingerprint}, or null (also for a null fingerprint). */
  Scope find(String fingerprint) {
    return fingerprint == null ? null : byFingerprint.get(fingerprint);
  }

  /** The block decision for a key that matches no scope, or null when {@code keys.default} is allow. */
  Decision unmatched() {
    return unmatched;
  }

  /** {@code 'name'} cut to a safe length with control characters replaced; {@code (none)} for null. */
  static String quote(String name) {
    if (name == null) {
      return "(none)";
    }
    int length = Math.min(name.length(), MAX_QUOTED);
    StringBuilder out = new StringBuilder(length + 3).append('\'');
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (name.length() > MAX_QUOTED) {
      out.append('…');
    }
    return out.append('\'').toString();
  }
}
