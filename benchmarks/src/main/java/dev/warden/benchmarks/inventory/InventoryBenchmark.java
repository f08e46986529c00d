package dev.warden.benchmarks.inventory;

import dev.warden.agent.inventory.LibraryInventory;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.engine.PolicySnapshot;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.identity.Caller;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * What the runtime inventory costs: {@code classLoad*} the check every loading class gets (a class
 * of no listed library, one whose first letter matches a listed prefix, one that does not),
 * {@code callingLibraries} naming a call's library from openai-java's headers, and {@code decide*}
 * a decision without {@code inventory.deny}, and with a deny list the call's library is outside
 * of, in ns per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InventoryBenchmark {

  private final ProtectionDomain domain = InventoryBenchmark.class.getProtectionDomain();
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final List<String> libraries = List.of("com.openai:openai-java-core:4.101.0",
      "com.openai:openai-java-client-okhttp:4.101.0");
  private final Exchange exchange = new Exchange("openai", "chat", "gpt-4o-mini", false, null, null,
      List.of(new TextPart(0, "user", "hello")));
  private PolicySnapshot withoutDeny;
  private PolicySnapshot withDeny;

  @Setup
  public void setUp() throws Exception {
    // as OkHttp's Headers.toMultimap() hands them over, names lowercased
    headers.put("authorization", List.of("Bearer sk-bench-0000000000000001"));
    headers.put("content-type", List.of("application/json"));
    headers.put("user-agent", List.of("OpenAIClientImpl/Java 4.101.0"));
    headers.put("x-stainless-arch", List.of("x64"));
    headers.put("x-stainless-lang", List.of("java"));
    headers.put("x-stainless-os", List.of("Linux"));
    headers.put("x-stainless-package-version", List.of("4.101.0"));
    headers.put("x-stainless-retry-count", List.of("0"));
    withoutDeny = PolicyLoader.parse("version: 1\n", "bench.yaml");
    withDeny = PolicyLoader.parse("version: 1\ninventory:\n  deny: [\"com.openai:openai-java:<4.0.0\","
        + " \"com.anthropic:anthropic-java:<2.0.0\"]\n", "bench.yaml");
  }

  @Benchmark
  public LibraryInventory classLoadOther() {
    LibraryInventory inventory = LibraryInventory.jvm();
    inventory.classLoading("java/util/concurrent/ConcurrentHashMap$Node", domain);
    return inventory;
  }

  @Benchmark
  public LibraryInventory classLoadSameFirstLetter() {
    LibraryInventory inventory = LibraryInventory.jvm();
    inventory.classLoading("com/fasterxml/jackson/databind/ObjectMapper", domain);
    return inventory;
  }

  @Benchmark
  public List<String> callingLibraries() {
    return LibraryInventory.jvm().callingLibraries(headers);
  }

  @Benchmark
  public Decision decideWithoutDeny() {
    return withoutDeny.onRequest(exchange, Caller.UNKNOWN, libraries);
  }

  @Benchmark
  public Decision decideWithDeny() {
    return withDeny.onRequest(exchange, Caller.UNKNOWN, libraries);
  }
}
