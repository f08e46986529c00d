package dev.warden.policies.engine;

import dev.warden.policies.config.IdentityPolicy;
import dev.warden.policies.config.InjectionPolicy;
import dev.warden.policies.config.PolicyDocument;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.config.ProviderEndpoint;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.identity.IdentitySource;
import dev.warden.policies.injection.InjectionScore;
import dev.warden.policies.injection.InjectionScorer;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.pii.PiiScanner;
import java.util.List;
import java.util.Objects;
import java.time.Clock;

/**
 * A policy compiled once, ready to decide requests. Immutable and thread-safe: a reload builds a
 * new snapshot and swaps it in, and each call uses one snapshot from start to end.
 *
 * <p>{@link #onRequest} applies the rules in order: key scope, then injection, then personal data
 * (the scope's {@code injection} and {@code pii} settings where it has them), then the injection
 * canary, planted in what the other rules send. The first rule that blocks decides; in monitor
 * mode every decision is the same but has {@code enforced} false, and no canary is planted.
 * Decisions never quote request text; block messages name only the scope id and the provider,
 * operation or model of the request.
 *
 * <p>Obtain one from {@link PolicyLoader}.
 */
public final class PolicySnapshot {

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
  private final Clock clock;
  private final IdentityPolicy identity;

  private PolicySnapshot(PolicyDocument document, String hash, String fileName, InjectionScorer scorer, Clock clock) {
    this.clock = clock;
    this.identity = document.identity();
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
    this.verdicts = verdicts;
  }

  /**
   * Compiles a validated document.
   *
   * @param hash     {@code "sha256:"} + hex SHA-256 of the policy file's bytes
   * @param fileName the file name, for logs and reload messages
   */
  public static PolicySnapshot compile(PolicyDocument document, String hash, String fileName) {
    return compile(document, hash, fileName, document.usesInjection() ? LayeredInjectionScorer.standard() : null);
  }

  /** As {@link #compile(PolicyDocument, String, String)}, scoring injections with {@code scorer}. */
  public static PolicySnapshot compile(PolicyDocument document, String hash, String fileName, InjectionScorer scorer) {
    return new PolicySnapshot(document, hash, fileName, scorer, Clock.systemUTC());
  }

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
    return new InjectionVerdict(score.score(), score.score() >= threshold, score.reasons());
  }

  /** {@link #onRequest(Exchange, Caller)} for a caller nothing identifies. */
  public Decision onRequest(Exchange exchange) {
    return onRequest(exchange, Caller.UNKNOWN);
  }

  /** Where the agent reads the caller's principal ({@code identity.sources}), in order. */
  public List<IdentitySource> identitySources() {
    return identity.sources();
  }

  /**
   * Decides one request. Never throws for any non-null exchange; a request that passes every rule
   * gets {@link Decision.Kind#ALLOW} with status 0 and the matched scope's id (null without one).
   *
   * @param caller who calls, as the application's context tells it ({@code identity.sources})
   */
  public Decision onRequest(Exchange exchange, Caller caller) {
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
        Decision refused = scope.refuse(exchange, identity.roles().rolesOf(caller), clock.millis());
        if (refused != null) {
          // monitor mode lets the call out, and the virtual key alone cannot call the provider
          return refused.enforced() ? refused : refused.withTerms(scope.allowed(exchange, match.virtual()).terms());
        }
        keyId = scope.id;
        allowed = scope.allowed(exchange, match.virtual());
        if (scope.overridesPii) {
          piiRule = scope.pii;
        }
        if (scope.overridesInjection) {
          injectionRule = scope.injection;
        }
      }
    }
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
    if (injectionRule != null) {
      decision = injectionRule.plantCanary(exchange, decision);
    }
    // the later rules build their own decisions: the key's terms go on any that lets the call out
    return decision.blocks() || decision.terms() == allowed.terms() ? decision : decision.withTerms(allowed.terms());
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
