package dev.warden.benchmarks.wire;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.benchmarks.injection.FreshTextScanBenchmark;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.agent.wire.KeyFingerprint;
import dev.warden.agent.wire.Route;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.engine.PolicySnapshot;
import dev.warden.policies.identity.Caller;
import java.nio.file.Path;
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
 * Warden's whole per-call work on the request path, as {@code CallDecider} chains it, for a Chat
 * Completions request of {@code kb} KB: recognise the endpoint, fingerprint the key, decode the
 * body, decide ({@link SupportPolicy}: key scope, injection, PII), encode the rewritten body.
 * {@code pii}: false finds nothing (the body goes out as it came), true pseudonymizes two e-mail
 * addresses and two phone numbers. Not included: the span, metrics and audit record, which
 * {@code CallEvidence} writes only for the configured sinks. Sampled, in µs per call.
 *
 * <p>One request again and again is a conversation whose history was seen in the call before: its
 * history's findings are remembered, and only its last question is scanned. {@code file} (with
 * {@code pii=false}): instead of one request again and again, which the CPU learns, each call sends the next of many requests whose user message is the next {@code kb} K
 * chars of a text written by people (read as {@link FreshTextScanBenchmark} reads it), round the
 * whole text; what is found in it (a false alarm, an e-mail address) is handled as in any call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HotPathBenchmark {

  @Param({"2", "20"})
  public int kb;

  @Param({"false", "true"})
  public boolean pii;

  private PolicySnapshot policy;
  private EndpointRecognizer recognizer;
  @Param({""})
  public String file;

  private byte[][] bodies;
  private int next;
  private byte[] body;

  @Setup
  public void setUp() throws Exception {
    ApplicationStrings.seeBothEncodings();
    policy = SupportPolicy.load();
    recognizer = new EndpointRecognizer(policy.providers());
    if (!file.isEmpty()) {
      if (pii) {
        throw new IllegalArgumentException("file takes pii=false: what its text holds is found");
      }
      String text = FreshTextScanBenchmark.read(Path.of(file));
      String[] pieces = FreshTextScanBenchmark.pieces(text, kb * 1024);
      bodies = new byte[pieces.length][];
      for (int i = 0; i < pieces.length; i++) {
        bodies[i] = ChatRequests.withUserText(pieces[i]);
      }
      body = bodies[0];
      System.out.printf("# %d requests of %d to %d bytes from %s%n", bodies.length,
          bodies[0].length, bodies[bodies.length - 1].length, file);
      return;
    }
    bodies = new byte[][] {ChatRequests.body(kb * 1024, pii)};
    body = bodies[0];
    byte[] sent = call();
    Decision decision = policy.onRequest(decode().exchange(), Caller.UNKNOWN);
    if (decision.blocks() || decision.findings().isEmpty() == pii || (sent == body) == pii) {
      throw new IllegalStateException("unexpected decision " + decision.kind() + " " + decision.findings());
    }
    System.out.printf("# %d bytes, %s, findings %s, %d bytes sent%n", body.length, decision.kind(),
        decision.findings(), sent.length);
  }

  @Benchmark
  public byte[] call() {
    body = bodies[next];
    next = next + 1 == bodies.length ? 0 : next + 1;
    DecodedRequest request = decode();
    Decision decision = policy.onRequest(request.exchange(), Caller.UNKNOWN);
    return decision.modifies() ? request.encode(decision.rewrittenParts()) : body;
  }

  private DecodedRequest decode() {
    Route route = recognizer.recognize("POST", "api.openai.com", 443, "/v1/chat/completions");
    return route.adapter().decode(route, body, KeyFingerprint.of(SupportPolicy.HEADERS));
  }
}
