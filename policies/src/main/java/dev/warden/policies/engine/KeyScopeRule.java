package dev.warden.policies.engine;

import dev.warden.policies.config.KeyPolicy;
import dev.warden.policies.config.KeyScope;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.injection.InjectionScorer;
import dev.warden.policies.limits.Limits;
import dev.warden.policies.exchange.Exchange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled {@code keys} section: finds the scope of a request's key fingerprint (a real key's
 * or a virtual key's) and checks the request against it: expiry, provider, operation, model,
 * the caller's roles and the output token limit. Immutable and thread-safe; a lookup is one
 * hash-map probe and the checks allocate nothing unless they refuse or clamp.
 */
final class KeyScopeRule {

  static final String RULE_KEY = "key";
  static final String RULE_MODEL = "model";
  static final String RULE_ROLE = "role";
  static final String KEY_NOT_ALLOWED = "key_not_allowed";
  static final String MODEL_NOT_ALLOWED = "model_not_allowed";
  static final String ROLE_NOT_ALLOWED = "role_not_allowed";
  static final String KEY_EXPIRED = "key_expired";
  static final String KEY_DISABLED = "key_disabled";

  private static final int MAX_QUOTED = 64;

  /** One compiled scope, with its allow decisions made in advance. */
  static final class Scope {
    final String id;
    /** The allow decision for the real key the application holds. */
    final Decision allowed;
    /** The allow decision for the virtual key: the real key goes on the wire instead. */
    final Decision allowedVirtual;
    /** True when the scope has its own {@code pii} settings; {@link #pii} is then its rule (null: off). */
    final boolean overridesPii;
    final PiiRule pii;
    /** True when the scope has its own {@code injection} settings; {@link #injection} is then its rule (null: off). */
    final boolean overridesInjection;
    final InjectionRule injection;
    /** The scope's limits, or null. */
    final Limits limits;
    private final Set<String> providers;
    private final Set<String> operations;
    private final Glob[] models;
    private final Set<String> roles;
    private final Integer maxOutputTokens;
    private final boolean clampOutputTokens;
    private final long expiresMillis;
    private final boolean disabled;
    private final Verdicts verdicts;

    Scope(KeyScope scope, Verdicts verdicts, InjectionScorer scorer) {
      this.id = scope.id();
      this.allowed = verdicts.allow(id, List.of());
      this.allowedVirtual = scope.secret() == null ? null : allowed.withTerms(new WireTerms(scope.secret(), null, null, 0));
      this.overridesPii = scope.pii() != null;
      this.pii = overridesPii ? PiiRule.compile(scope.pii(), verdicts) : null;
      this.overridesInjection = scope.injection() != null;
      this.injection = overridesInjection ? InjectionRule.compile(scope.injection(), scorer, verdicts) : null;
      this.providers = scope.providers() == null ? null : new HashSet<>(scope.providers());
      this.operations = scope.operations() == null ? null : new HashSet<>(scope.operations());
      this.models = scope.models() == null ? null : scope.models().stream().map(Glob::compile).toArray(Glob[]::new);
      this.roles = scope.roles() == null ? null : Set.copyOf(scope.roles());
      this.limits = scope.limits();
      this.maxOutputTokens = scope.maxOutputTokens();
      this.clampOutputTokens = scope.clampOutputTokens();
      this.expiresMillis = scope.expires() == null ? Long.MAX_VALUE : scope.expires().toEpochMilli();
      this.disabled = scope.disabled();
      this.verdicts = verdicts;
    }

    /**
     * The allow decision for a request this scope does not refuse: with the real key in its
     * terms when the request came with the virtual key, and with the scope's output token limit
     * when it clamps and the request asks for more or names none.
     */
    Decision allowed(Exchange exchange, boolean virtual) {
      Decision base = virtual ? allowedVirtual : allowed;
      if (clampOutputTokens && (exchange.maxTokens() == null || exchange.maxTokens() > maxOutputTokens)) {
        return base.withTerms(new WireTerms(base.terms().secret(), maxOutputTokens, null, 0));
      }
      return base;
    }

    /**
     * The block decision for a request this scope does not allow, or null when it allows it.
     *
     * @param callerRoles the caller's roles ({@code identity.roles}); never null
     * @param nowMillis   the current time, for the scope's expiry
     */
    Decision refuse(Exchange exchange, Set<String> callerRoles, long nowMillis) {
      if (disabled) {
        return verdicts.forbid(RULE_KEY, KEY_DISABLED, "key scope '" + id + "' is disabled", List.of(), id);
      }
      if (nowMillis >= expiresMillis) {
        return verdicts.forbid(RULE_KEY, KEY_EXPIRED, "key scope '" + id + "' has expired", List.of(), id);
      }
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
      if (roles != null && !hasAny(callerRoles)) {
        return verdicts.forbid(RULE_ROLE, ROLE_NOT_ALLOWED, "the caller has none of the roles that key scope '" + id + "' allows", List.of(), id);
      }
      Integer asked = exchange.maxTokens();
      if (maxOutputTokens != null && !clampOutputTokens && asked != null && asked > maxOutputTokens) {
        return verdicts.forbid(RULE_KEY, KEY_NOT_ALLOWED, "an output limit of " + asked + " tokens is above key scope '" + id
            + "''s maxOutputTokens " + maxOutputTokens, List.of(), id);
      }
      return null;
    }

    private boolean hasAny(Set<String> callerRoles) {
      for (String role : callerRoles) {
        if (roles.contains(role)) {
          return true;
        }
      }
      return false;
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

  /** A scope found for a request, and whether through its virtual key. */
  record Match(Scope scope, boolean virtual) {}

  private final Map<String, Match> byFingerprint;
  private final Decision unmatched;

  /** @param scorer scores injections for the scopes that turn them on; null when none does */
  KeyScopeRule(KeyPolicy keys, Verdicts verdicts, InjectionScorer scorer) {
    Map<String, Match> map = new HashMap<>();
    for (KeyScope scope : keys.scopes()) {
      Scope compiled = new Scope(scope, verdicts, scorer);
      if (scope.fingerprint() != null) {
        map.put(scope.fingerprint(), new Match(compiled, false));
      }
      if (scope.virtualFingerprint() != null) {
        map.put(scope.virtualFingerprint(), new Match(compiled, true));
      }
    }
    this.byFingerprint = Map.copyOf(map);
    this.unmatched = keys.defaultAllow()
        ? null
        : verdicts.forbid(RULE_KEY, KEY_NOT_ALLOWED, "the API key matches no key scope and keys.default is deny", List.of(), null);
  }

  /** The scope whose real or virtual key has {@code fingerprint}, or null (also for a null fingerprint). */
  Match find(String fingerprint) {
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
