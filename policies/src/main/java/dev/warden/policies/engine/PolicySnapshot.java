package dev.warden.policies.engine;

import dev.warden.policies.alerts.AlertThresholds;
import dev.warden.policies.cache.CacheStores;
import dev.warden.policies.cache.ResponseCache;
import dev.warden.policies.config.AuditPolicy;
import dev.warden.policies.config.CachePolicy;
import dev.warden.policies.config.CachePurge;
import dev.warden.policies.config.IdentityPolicy;
import dev.warden.policies.config.InjectionPolicy;
import dev.warden.policies.config.PolicyDocument;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.config.ProviderEndpoint;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.identity.IdentitySource;
import dev.warden.policies.injection.InjectionScore;
import dev.warden.policies.injection.InjectionScorer;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.inventory.LibraryDenyList;
import dev.warden.policies.limits.Admission;
import dev.warden.policies.limits.InMemoryLimitStore;
import dev.warden.policies.limits.LimitStore;
import dev.warden.policies.limits.TimeSource;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Redactor;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A policy compiled once, ready to decide requests. Immutable and thread-safe: a reload builds a
 * new snapshot and swaps it in, and each call uses one snapshot from start to end.
 *
 * <p>{@link #onRequest} applies the rules in order: key scope (expiry, provider, operation, model,
 * the caller's roles, output limit), then the scope's rate limits and budget, then injection, then
 * personal data (the scope's {@code injection} and {@code pii} settings where it has them), then
 * the injection canary, planted in what the other rules send. The first rule that blocks decides;
 * in monitor mode every decision is the same but has {@code enforced} false, and no canary is
 * planted. Decisions never quote request text or the caller; block messages name only the scope
 * id, a limit, and the provider, operation or model of the request. An allowed call that holds
 * tokens in the limits carries their {@link dev.warden.policies.limits.Reservation}, which the
 * caller must settle or release; a call blocked after the limits admitted it gives them back.
 *
 * <p>Obtain one from {@link PolicyLoader}.
 */
public final class PolicySnapshot {

  static final String RULE_PRINCIPAL = "principal";
  static final String PRINCIPAL_BLOCKED = "principal_blocked";
  static final String RULE_LIBRARY = "library";
  static final String LIBRARY_NOT_ALLOWED = "library_not_allowed";

  private final String hash;
  private final String fileName;
  private final boolean monitor;
  private final boolean failClosed;
  private final List<ProviderEndpoint> providers;
  private final KeyScopeRule keys;
  private final PiiRule pii;
  private final InjectionRule injection;
  private final InjectionPolicy injectionPolicy;
  private final InjectionScorer scorer;
  private final PiiScanner piiScanner;
  private final Decision allowedWithoutScope;
  private final Verdicts verdicts;
  /** The refusal of a caller named in {@code identity.blocked}. */
  private final Decision blockedCaller;
  private final LimitRule limits;
  private final IdentityPolicy identity;
  private final AuditPolicy audit;
  private final boolean telemetryContent;
  private final CachePolicy cachePolicy;
  private final ResponseCache cache;
  private final AlertThresholds alerts;
  private final LibraryDenyList deniedLibraries;
  private final boolean blockDeniedLibraries;

  private PolicySnapshot(PolicyDocument document, String hash, String fileName, InjectionScorer scorer,
      LimitStore limitStore) {
    this.limits = new LimitRule(limitStore);
    this.identity = document.identity();
    this.audit = document.audit();
    this.telemetryContent = document.telemetryContent();
    this.cachePolicy = document.cache();
    this.alerts = document.alerts();
    this.cache = cachePolicy.enabled() ? new ResponseCache(cachePolicy.keyring(), cachePolicy.redis() != null
        ? CacheStores.redis(cachePolicy.redis(), cachePolicy.ttl())
        : CacheStores.memory(cachePolicy.maxBytes(), cachePolicy.ttl()), cachePolicy.anyTemperature()) : null;
    this.hash = Objects.requireNonNull(hash, "hash");
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.monitor = document.monitor();
    this.failClosed = document.failClosed();
    this.providers = document.providers();
    Verdicts verdicts = new Verdicts(monitor, hash);
    this.keys = document.keys() == null ? null : new KeyScopeRule(document.keys(), verdicts, scorer);
    this.piiScanner = PiiRule.scanner(document.pii());
    this.pii = PiiRule.compile(document.pii(), piiScanner, verdicts);
    this.injection = InjectionRule.compile(document.injection(), scorer, verdicts);
    this.injectionPolicy = document.injection();
    this.scorer = scorer;
    this.allowedWithoutScope = verdicts.allow(null, List.of());
    this.blockedCaller = verdicts.forbid(RULE_PRINCIPAL, PRINCIPAL_BLOCKED, "the caller is blocked by identity.blocked",
        List.of(), null);
    this.verdicts = verdicts;
    this.deniedLibraries = new LibraryDenyList(document.inventory().deny());
    this.blockDeniedLibraries = document.inventory().block();
  }

  /**
   * Compiles a validated document.
   *
   * @param hash     {@code "sha256:"} + hex SHA-256 of the policy file's bytes
   * @param fileName the file name, for logs and reload messages
   */
  public static PolicySnapshot compile(PolicyDocument document, String hash, String fileName) {
    return compile(document, hash, fileName, JVM_LIMITS);
  }

  /**
   * As {@link #compile(PolicyDocument, String, String)}, counting the key scopes' limits in
   * {@code limitStore} instead of the JVM's own store (which every snapshot shares, so that counts
   * survive reloads).
   */
  public static PolicySnapshot compile(PolicyDocument document, String hash, String fileName, LimitStore limitStore) {
    return new PolicySnapshot(document, hash, fileName,
        document.usesInjection() ? LayeredInjectionScorer.standard() : null, limitStore);
  }

  /** As {@link #compile(PolicyDocument, String, String)}, scoring injections with {@code scorer}. */
  public static PolicySnapshot compile(PolicyDocument document, String hash, String fileName, InjectionScorer scorer) {
    return new PolicySnapshot(document, hash, fileName, scorer, JVM_LIMITS);
  }

  /**
   * The counters of every snapshot of this JVM. Each partition (a scope, or a principal within one)
   * costs about 350 bytes; 10,000 keeps the store within a few MB of the agent's heap budget.
   */
  private static final LimitStore JVM_LIMITS = new InMemoryLimitStore(TimeSource.SYSTEM, 10_000);

  /** {@code "sha256:"} + lowercase hex SHA-256 of the policy file's bytes. */
  public String hash() {
    return hash;
  }

  /** The policy file's name as given to the loader. */
  public String fileName() {
    return fileName;
  }

  /** True for {@code mode: monitor}: decisions are recorded but not enforced. */
  public boolean monitor() {
    return monitor;
  }

  /** True for {@code onError: block}: a call is blocked when Warden itself fails on it. */
  public boolean failClosed() {
    return failClosed;
  }

  /** Every known endpoint: the configured ones in file order, then the built-in OpenAI and Anthropic. */
  public List<ProviderEndpoint> providers() {
    return providers;
  }

  /**
   * A scanner with the policy's top-level {@code pii} entities, custom entities and allowed
   * literals, whatever its actions; for tools that test a policy on sample text.
   */
  public PiiScanner piiScanner() {
    return piiScanner;
  }

  /**
   * The injection score of {@code text} as a part of role {@code role}, against the thresholds of
   * the policy's top-level {@code injection} section (its defaults when the section is off, when
   * the shipped scorer is used); for tools that test a policy on sample text.
   */
  public InjectionVerdict scoreInjection(String text, String role) {
    boolean indirect = "tool".equals(role);
    InjectionScore score = (scorer != null ? scorer : LayeredInjectionScorer.standard()).score(text, indirect);
    double threshold = indirect ? injectionPolicy.toolThreshold() : injectionPolicy.threshold();
    return new InjectionVerdict(score.score(), threshold, score.score() >= threshold, score.reasons());
  }

  /** {@link #onRequest(Exchange, Caller)} for a caller nothing identifies. */
  public Decision onRequest(Exchange exchange) {
    return onRequest(exchange, Caller.UNKNOWN);
  }

  /** The response cache, or null when the policy caches nothing. */
  public ResponseCache cache() {
    return cache;
  }

  /** {@code cache.purge}: what a reload that brings it drops from the memory store, or null. */
  public CachePurge cachePurge() {
    return cachePolicy.purge();
  }

  /**
   * Who may read a call's cache entries: its key scope ({@code partition: key}; a key that matches no
   * scope stands for itself) or its principal ({@code partition: principal}); null when the call has
   * neither, and then it is not cached: unidentified callers must not share entries.
   */
  public String cachePartition(String keyId, String keyFingerprint, Caller caller) {
    if (cachePolicy.byPrincipal()) {
      return caller.principal() == null ? null : "principal:" + caller.principal();
    }
    return keyId != null ? "key:" + keyId : keyFingerprint != null ? "fingerprint:" + keyFingerprint : null;
  }

  /** True for {@code telemetry.content: redacted}: spans carry the prompt and completion, redacted. */
  public boolean telemetryContent() {
    return telemetryContent;
  }

  /**
   * {@code text} with every personal data value the policy's scanner finds replaced by its type
   * ({@code [EMAIL]}), whatever the policy does with PII in calls: for span events.
   */
  public String redactForTelemetry(String text) {
    return Redactor.redact(text, piiScanner.scan(text));
  }

  /** The {@code audit} section: where the agent writes its records. */
  public AuditPolicy audit() {
    return audit;
  }

  /** The {@code alerts} section: the thresholds the agent's anomaly detector applies to this snapshot's calls. */
  public AlertThresholds alerts() {
    return alerts;
  }

  /** The caller's roles, as {@code identity.roles} maps its principal and authorities; for the audit record. */
  public Set<String> rolesOf(Caller caller) {
    return identity.roles().rolesOf(caller);
  }

  /** Where the agent reads the caller's principal ({@code identity.sources}), in order. */
  public List<IdentitySource> identitySources() {
    return identity.sources();
  }

  /** True when {@code inventory.deny} names a library: only then must a call say which libraries made it. */
  public boolean deniesLibraries() {
    return !deniedLibraries.isEmpty();
  }

  /**
   * {@link #onRequest(Exchange, Caller)} for a call made by {@code libraries}: when
   * {@code inventory.deny} names one of them, the call is refused with 403 {@code library_not_allowed}
   * (rule {@code library}; in monitor mode recorded so and let out), or, with {@code action: report},
   * decided as usual with a {@code library} finding whose type is the library's coordinates.
   *
   * @param libraries the client libraries that made the call, {@code group:artifact:version} each
   */
  public Decision onRequest(Exchange exchange, Caller caller, List<String> libraries) {
    String denied = libraries.isEmpty() || deniedLibraries.isEmpty() ? null : deniedLibraries.firstDenied(libraries);
    if (denied == null) {
      return onRequest(exchange, caller);
    }
    Decision refused = blockDeniedLibraries ? verdicts.forbid(RULE_LIBRARY, LIBRARY_NOT_ALLOWED,
        "calls from " + denied + " are refused by inventory.deny", List.of(), null) : null;
    if (refused != null && refused.enforced()) {
      return refused;
    }
    Decision decided = onRequest(exchange, caller);
    if (refused != null) {
      // monitor mode lets the call out, with its key's terms
      return refused.withTerms(decided.terms());
    }
    return decided.withFinding(new Finding(RULE_LIBRARY, denied, 1));
  }

  /**
   * Decides one request. Never throws for any non-null exchange; a request that passes every rule
   * gets {@link Decision.Kind#ALLOW} with status 0 and the matched scope's id (null without one).
   *
   * @param caller who calls, as the application's context tells it ({@code identity.sources})
   */
  public Decision onRequest(Exchange exchange, Caller caller) {
    if (caller != null && caller.principal() != null && identity.blocked().contains(caller.principal())) {
      return blockedCaller;
    }
    String keyId = null;
    Decision allowed = allowedWithoutScope;
    PiiRule piiRule = pii;
    InjectionRule injectionRule = injection;
    if (keys != null) {
      KeyScopeRule.Match match = keys.find(exchange.keyFingerprint());
      if (match == null) {
        if (keys.unmatched() != null) {
          return keys.unmatched();
        }
      } else {
        KeyScopeRule.Scope scope = match.scope();
        allowed = scope.allowed(exchange, match.virtual());
        Decision refused = scope.refuse(exchange, identity.roles().rolesOf(caller), System.currentTimeMillis());
        if (refused == null && scope.limits != null) {
          Decision admitted = admit(scope, caller, exchange, allowed);
          if (admitted.kind() == Decision.Kind.BLOCK) {
            refused = admitted;
          } else {
            allowed = admitted;
          }
        }
        if (refused != null) {
          // monitor mode lets the call out, and the virtual key alone cannot call the provider
          return refused.enforced() ? refused : refused.withTerms(allowed.terms());
        }
        keyId = scope.id;
        if (scope.overridesPii) {
          piiRule = scope.pii;
        }
        if (scope.overridesInjection) {
          injectionRule = scope.injection;
        }
      }
    }
    Decision decision = decideContent(exchange, keyId, allowed, piiRule, injectionRule);
    if (decision.blocks()) {
      if (allowed.terms().reservation() != null) {
        allowed.terms().reservation().release();
      }
      return decision;
    }
    // the content rules build their own decisions: the key's terms go on any that lets the call out
    return decision.terms() == allowed.terms() ? decision : decision.withTerms(allowed.terms());
  }

  /** {@code allowed} holding the request's tokens in the scope's limits, or the 429 that refuses it. */
  private Decision admit(KeyScopeRule.Scope scope, Caller caller, Exchange exchange, Decision allowed) {
    Integer clamped = allowed.terms().outputTokenLimit();
    long estimate = LimitRule.estimate(exchange, clamped != null ? clamped : exchange.maxTokens());
    Admission admission = limits.admit(scope.id, scope.limits, caller.principal(), estimate);
    if (admission instanceof Admission.Refused refused) {
      return verdicts.throttle(LimitRule.RULE, refused.code(), LimitRule.message(scope.id, refused), scope.id,
          refused.retryAfterSeconds());
    }
    return allowed.withTerms(allowed.terms().holding(((Admission.Granted) admission).reservation(), estimate));
  }

  /** Injection, then personal data, then the canary, planted in what the other rules send. */
  private Decision decideContent(Exchange exchange, String keyId, Decision allowed, PiiRule piiRule,
      InjectionRule injectionRule) {
    InjectionVerdict verdict = injectionRule == null ? null : injectionRule.score(exchange);
    if (verdict != null) {
      Decision refused = injectionRule.refuse(verdict, keyId);
      if (refused != null) {
        return refused;
      }
    }
    Decision decision = piiRule == null ? allowed : piiRule.apply(exchange, keyId, allowed);
    if (verdict != null) {
      decision = decision.withInjection(verdict);
    }
    return injectionRule == null ? decision : injectionRule.plantCanary(exchange, decision);
  }

  /**
   * The block that replaces a response whose completion the call's rewriter withheld
   * ({@link dev.warden.policies.pii.CompletionRewriter#leaked()}, {@code decision.completionRewriter()}):
   * 403 {@code canary_leaked} by rule {@code injection}, with the key scope of {@code decision}.
   * Never quotes the completion, the canary or the system prompt.
   */
  public Decision completionWithheld(Decision decision) {
    return InjectionRule.canaryLeaked(verdicts, decision.keyId());
  }

  @Override
  public String toString() {
    return "PolicySnapshot[" + fileName + ", " + hash + "]";
  }
}
