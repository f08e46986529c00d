package dev.warden.benchmarks.wire;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.KeyFingerprint;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.rewrite.RewrittenBody;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.engine.PolicySnapshot;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the SSE rewriter adds to a streamed Chat Completions response, read as the OkHttp and JDK
 * hooks read it ({@code rewriteResponse} of the adapter, one event per network read), with the
 * completion rewriter of a real decision (a request whose e-mails and phones were pseudonymized;
 * {@link SupportPolicy}: pseudonyms restored; {@code completions} redact: the model's own PII
 * redacted, off: only restored). {@code stream}: a whole stream of {@value #CHUNKS} chunks and
 * {@code [DONE]}, in µs per event; {@code firstChunk}: from wrapping the body to the first event
 * handed to the application (the role chunk); {@code firstText}: to the first event whose text the
 * rewriter releases. Both sampled, in µs. How many events the text lags behind (the rewriter holds
 * back text that may still become a match) is printed in set-up: that lag is the model's time,
 * not Warden's.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SseRewriteBenchmark {

  static final int CHUNKS = 200;

  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Z_]+_[0-9a-f]+>");

  @Param({"redact", "off"})
  public String completions;

  private CompletionRewriter rewriter;
  /** Reads until the first text reaches the application. */
  private int textReads;
  private List<byte[]> events;
  private final byte[] buffer = new byte[8192];

  @Setup
  public void setUp() throws Exception {
    ApplicationStrings.seeBothEncodings();
    PolicySnapshot policy = SupportPolicy.load(completions);
    byte[] request = ChatRequests.body(2048, true);
    Route route = new Route("openai", Route.OPENAI, Route.CHAT, ChatCompletionsAdapter.INSTANCE);
    DecodedRequest decoded = route.adapter().decode(route, request, KeyFingerprint.of(SupportPolicy.HEADERS));
    Decision decision = policy.onRequest(decoded.exchange(), Caller.UNKNOWN);
    rewriter = decision.completionRewriter();
    List<String> placeholders = new ArrayList<>();
    for (String part : decision.rewrittenParts()) {
      Matcher m = PLACEHOLDER.matcher(part == null ? "" : part);
      while (m.find()) {
        placeholders.add(m.group());
      }
    }
    events = ChatStream.events(CHUNKS, placeholders);
    String out = readAll();
    if (placeholders.isEmpty() || PLACEHOLDER.matcher(out).find() || !out.contains("@example.")) {
      throw new IllegalStateException("pseudonyms not restored: " + placeholders);
    }
    textReads = readsToFirstText();
    System.out.printf("# %d events, %d placeholders; the first text reaches the application with event %d of %d%n",
        events.size(), placeholders.size(), textReads, events.size());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OperationsPerInvocation(CHUNKS + 1)
  public long stream() throws IOException {
    try (RewrittenBody body = wrap()) {
      long total = 0;
      for (int n; (n = body.read(buffer, 0, buffer.length)) >= 0; ) {
        total += n;
      }
      return total;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public int firstChunk() throws IOException {
    return wrap().read(buffer, 0, buffer.length);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public int firstText() throws IOException {
    RewrittenBody body = wrap();
    int n = 0;
    for (int i = 0; i < textReads; i++) {
      n = body.read(buffer, 0, buffer.length);
    }
    return n;
  }

  private RewrittenBody wrap() {
    return ChatCompletionsAdapter.INSTANCE.rewriteResponse(new ChunkedStream(events), true, rewriter);
  }

  private String readAll() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RewrittenBody body = wrap()) {
      body.transferTo(out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One read serves one event: the number of reads until an event carries released text. */
  private int readsToFirstText() throws IOException {
    RewrittenBody body = wrap();
    for (int reads = 1; ; reads++) {
      int n = body.read(buffer, 0, buffer.length);
      if (n < 0) {
        throw new IllegalStateException("no text released");
      }
      String event = new String(buffer, 0, n, StandardCharsets.UTF_8);
      if (event.contains("\"content\":\"") && !event.contains("\"content\":\"\"")) {
        return reads;
      }
    }
  }
}
