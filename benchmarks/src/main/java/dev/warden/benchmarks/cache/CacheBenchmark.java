package dev.warden.benchmarks.cache;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.policies.cache.CacheKeyring;
import dev.warden.policies.cache.MemoryCacheStore;
import dev.warden.policies.cache.ResponseCache;
import dev.warden.policies.exchange.Exchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The response cache's costs: sealing and opening a response of {@code kb} KB (AES-256-GCM through
 * Tink), and a whole hit ({@code hit}: the request's canonical form and entry name, the store
 * lookup, the open) for a 2 KB chat request, in µs per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CacheBenchmark {

  @Param({"1", "16"})
  public int kb;

  private CacheKeyring keyring;
  private byte[] response;
  private byte[] sealed;
  private ResponseCache cache;
  private byte[] request;

  private static final Exchange CHAT = new Exchange("openai", "chat", "gpt-4o-mini", false, null, null, List.of());

  @Setup
  public void setUp() {
    ApplicationStrings.seeBothEncodings();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    keyring = CacheKeyring.parse(Base64.getEncoder().encodeToString(key));
    response = "x".repeat(kb * 1024).getBytes(StandardCharsets.UTF_8);
    sealed = keyring.seal(response, "entry");
    cache = new ResponseCache(keyring, new MemoryCacheStore(64 << 20, Duration.ofMinutes(10)), false);
    String prompt = "Where is my parcel? It was due on Monday and has not arrived yet. ".repeat(28);
    request = ("{\"model\":\"gpt-4o-mini\",\"temperature\":0,\"messages\":[{\"role\":\"system\",\"content\":\"You are a "
        + "helpful support assistant.\"},{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}").getBytes(StandardCharsets.UTF_8);
    cache.store(cache.entryFor(CHAT, request, "key:bench"), response);
  }

  @Benchmark
  public byte[] seal() {
    return keyring.seal(response, "entry");
  }

  @Benchmark
  public byte[] open() throws GeneralSecurityException {
    return keyring.open(sealed, "entry");
  }

  @Benchmark
  public byte[] hit() {
    return cache.lookup(cache.entryFor(CHAT, request, "key:bench")).hit();
  }
}
