package dev.warden.benchmarks.injection;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.benchmarks.pii.PiiCorpus;
import dev.warden.policies.injection.InjectionScore;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.injection.normalize.NormalizedText;
import dev.warden.policies.injection.normalize.TextNormalizer;
import dev.warden.policies.injection.signals.Role;
import dev.warden.policies.injection.signals.Signal;
import dev.warden.policies.injection.signals.StructuralSignals;
import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Recognizer;
import dev.warden.policies.pii.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of layers 1 and 2 of the injection detector on one thread: normalisation alone,
 * structural signals alone (on text normalised in set-up), both, and both after the PII scan with
 * every built-in recognizer; the whole detector ({@link LayeredInjectionScorer}: all three layers
 * and the fusion; the JSON corpus as tool content, prose as direct input), alone and after the PII
 * scan; and the PII scan with the fused score of tool content (the whole scan a tool result goes
 * through). One invocation scans a
 * {@link PiiCorpus} of {@value PiiCorpus#CHARS} chars, and each char counts as one operation, so
 * the score in ops/us is chars per microsecond: MB/s of UTF-8 for the ASCII variant.
 *
 * <p>{@code variant}: {@code ASCII} is the corpus as generated (the fast path);
 * {@code TYPOGRAPHIC} replaces quotes and apostrophes by curly ones (non-ASCII, still the fast
 * path); {@code NBSP} replaces every 40th space by a no-break space, which NFKC changes, so the
 * whole text takes the slow path.
 *
 * <p>The same 64 K chars are scanned again and again, which the CPU's branch predictors partly
 * learn: these figures compare code, and {@link FreshTextScanBenchmark} gives the ones to hold
 * against the budget.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InjectionScanBenchmark {

  @Param({"PROSE_CLEAN", "JSON_TOOL"})
  public PiiCorpus.Kind corpus;

  @Param({"ASCII", "TYPOGRAPHIC", "NBSP"})
  public String variant;

  private String text;
  private NormalizedText normalized;
  private PiiScanner pii;
  private boolean indirect;

  @Setup
  public void setUp() {
    ApplicationStrings.seeBothEncodings();
    text = vary(PiiCorpus.generate(corpus).text(), variant);
    normalized = TextNormalizer.DEFAULT.normalize(text);
    List<Recognizer> recognizers = new ArrayList<>();
    for (String type : BuiltInRecognizers.TYPES) {
      recognizers.add(BuiltInRecognizers.forType(type));
    }
    pii = new PiiScanner(recognizers, List.of());
    indirect = corpus == PiiCorpus.Kind.JSON_TOOL;
    System.out.println();
    System.out.println("# " + corpus + "/" + variant + ": " + text.length() + " chars; fast path "
        + (normalized.text() == text) + "; segments " + normalized.segments().size()
        + "; signals " + StructuralSignals.detect(normalized, Role.TOOL) + "; score "
        + LayeredInjectionScorer.standard().score(text, indirect));
  }

  static String vary(String ascii, String variant) {
    return switch (variant) {
      case "ASCII" -> ascii;
      case "TYPOGRAPHIC" -> ascii.replace('\'', '\u2019').replace('"', '\u201D');
      case "NBSP" -> {
        StringBuilder out = new StringBuilder(ascii);
        int spaces = 0;
        for (int i = 0; i < out.length(); i++) {
          if (out.charAt(i) == ' ' && ++spaces % 40 == 0) {
            out.setCharAt(i, '\u00A0');
          }
        }
        yield out.toString();
      }
      default -> throw new IllegalArgumentException("unknown variant " + variant);
    };
  }

  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public NormalizedText normalize() {
    return TextNormalizer.DEFAULT.normalize(text);
  }

  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public List<Signal> signals() {
    return StructuralSignals.detect(normalized, Role.TOOL);
  }

  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public List<Signal> normalizeAndSignals() {
    return StructuralSignals.detect(TextNormalizer.DEFAULT.normalize(text), Role.TOOL);
  }

  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public void piiAndInjection(Blackhole hole) {
    List<Span> spans = pii.scan(text);
    hole.consume(spans);
    hole.consume(StructuralSignals.detect(TextNormalizer.DEFAULT.normalize(text), Role.TOOL));
  }

  /** The PII scan alone, every built-in recognizer: the other half of {@link #piiAndScorer}. */
  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public List<Span> pii() {
    return pii.scan(text);
  }

  /** The whole injection detector as the agent runs it: all three layers and the fusion. */
  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public InjectionScore scorer() {
    return LayeredInjectionScorer.standard().score(text, indirect);
  }

  /** What a request's text goes through: the PII scan and the whole injection detector. */
  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public void piiAndScorer(Blackhole hole) {
    hole.consume(pii.scan(text));
    hole.consume(LayeredInjectionScorer.standard().score(text, indirect));
  }

  /** What the agent runs on a tool result: the PII scan and the fused injection score, model included. */
  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public void piiAndFusedScore(Blackhole hole) {
    hole.consume(pii.scan(text));
    hole.consume(LayeredInjectionScorer.standard().score(text, true));
  }
}
