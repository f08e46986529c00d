package dev.warden.benchmarks.keys;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.engine.PolicySnapshot;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.limits.InMemoryLimitStore;
import dev.warden.policies.limits.TimeSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What access control adds to a decision, with no PII or injection rule: {@code keyScope} (a
 * scope matched by fingerprint: provider, model glob, operation), {@code virtualKeyRolesLimits}
 * (a virtual key whose secret file is checked for rotation, roles from {@code identity.roles}, and
 * per-principal request and token limits, the reservation settled as the response would),
 * {@code rolesLimits} (the same with a real key's fingerprint: no secret file) and {@code noKeys} (a
 * policy without a keys section), in ns per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AccessControlBenchmark {

  private static final String REAL = "sk-bench-0000000000000001";
  private static final String VIRTUAL = "wdn_bench_7f3a";

  private PolicySnapshot keyScope;
  private PolicySnapshot full;
  private PolicySnapshot noKeys;
  private PolicySnapshot rolesLimits;
  private Exchange real;
  private Exchange virtual;
  private final Caller alice = new Caller("alice", List.of("ROLE_SUPPORT"));

  @Setup
  public void setUp() throws Exception {
    ApplicationStrings.seeBothEncodings();
    Path secret = Files.createTempFile("warden-bench-", ".key");
    Files.writeString(secret, "sk-bench-real-key");
    secret.toFile().deleteOnExit();
    keyScope = PolicyLoader.parse("""
        version: 1
        keys:
          scopes:
            - {id: s, fingerprint: "%s", providers: [openai], models: [gpt-4o-mini, "gpt-4.1*"], operations: [chat]}
        """.formatted(fingerprint(REAL)), "bench.yaml");
    full = PolicyLoader.parse("""
        version: 1
        identity:
          sources: [spring-security]
          roles: {ROLE_SUPPORT: [support], "*": [default]}
        keys:
          scopes:
            - id: s
              virtualKey: %s
              secret: file:%s
              providers: [openai]
              models: [gpt-4o-mini, "gpt-4.1*"]
              roles: [support]
              maxOutputTokens: 1024
              onMaxOutputTokens: clamp
              limits: {requestsPerMinute: 1000000000, tokensPerMinute: 2000000000, tokensPerDay: 2000000000, perPrincipal: true}
        """.formatted(VIRTUAL, secret), "bench.yaml", new InMemoryLimitStore(TimeSource.SYSTEM));
    rolesLimits = PolicyLoader.parse("""
        version: 1
        identity:
          sources: [spring-security]
          roles: {ROLE_SUPPORT: [support], "*": [default]}
        keys:
          scopes:
            - id: s
              fingerprint: "%s"
              providers: [openai]
              models: [gpt-4o-mini, "gpt-4.1*"]
              roles: [support]
              limits: {requestsPerMinute: 1000000000, tokensPerMinute: 2000000000, tokensPerDay: 2000000000, perPrincipal: true}
        """.formatted(fingerprint(REAL)), "bench.yaml", new InMemoryLimitStore(TimeSource.SYSTEM));
    noKeys = PolicyLoader.parse("version: 1\n", "bench.yaml");
    List<TextPart> parts = List.of(new TextPart(0, "system", "You are a helpful support assistant."),
        new TextPart(1, "user", "Where is my parcel? It was due on Monday and has not arrived yet."));
    real = new Exchange("openai", "chat", "gpt-4o-mini", false, fingerprint(REAL), 512, parts);
    virtual = new Exchange("openai", "chat", "gpt-4o-mini", false, fingerprint(VIRTUAL), 512, parts);
    if (full.onRequest(virtual, alice).blocks() || keyScope.onRequest(real).blocks()) {
      throw new IllegalStateException("the benchmark's calls must be allowed");
    }
  }

  private static String fingerprint(String key) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  @Benchmark
  public Decision noKeys() {
    return noKeys.onRequest(real);
  }

  @Benchmark
  public Decision keyScope() {
    return keyScope.onRequest(real);
  }

  @Benchmark
  public Decision rolesLimits() {
    Decision decision = rolesLimits.onRequest(real, alice);
    decision.terms().reservation().settle(60);
    return decision;
  }

  @Benchmark
  public String virtualKeyRolesLimits() {
    Decision decision = full.onRequest(virtual, alice);
    decision.terms().reservation().settle(60);
    return decision.terms().secret().value();
  }
}
