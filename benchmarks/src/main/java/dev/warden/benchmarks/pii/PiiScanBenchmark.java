package dev.warden.benchmarks.pii;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Recognizer;
import dev.warden.policies.pii.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * Scanning throughput of {@link PiiScanner} on one thread. One invocation scans a whole
 * {@link PiiCorpus} of {@value PiiCorpus#CHARS} ASCII chars, and each char counts as one operation,
 * so the score in ops/us is chars per microsecond: MB/s (10^6 bytes) of UTF-8 English text.
 *
 * <p>{@code recognizers} is {@code ALL} (every built-in) or a comma-separated list of types, to
 * see what one recognizer costs: {@code -p recognizers=EMAIL,PHONE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PiiScanBenchmark {

  @Param({"PROSE_PII", "PROSE_CLEAN", "JSON_TOOL"})
  public PiiCorpus.Kind corpus;

  @Param({"ALL"})
  public String recognizers;

  private PiiScanner scanner;
  private String text;

  @Setup
  public void setUp() {
    ApplicationStrings.seeBothEncodings();
    List<String> types = recognizers.equals("ALL") ? BuiltInRecognizers.TYPES
        : List.of(recognizers.split(","));
    List<Recognizer> list = new ArrayList<>();
    for (String type : types) {
      list.add(BuiltInRecognizers.forType(type.trim()));
    }
    scanner = new PiiScanner(list, List.of());
    PiiCorpus.Corpus generated = PiiCorpus.generate(corpus);
    text = generated.text();
    Map<String, Integer> found = new TreeMap<>();
    for (Span span : scanner.scan(text)) {
      found.merge(span.type(), 1, Integer::sum);
    }
    System.out.println();
    System.out.println("# " + corpus + ": " + text.length() + " chars; recognizers " + types
        + "; planted " + generated.planted() + "; found " + found);
  }

  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public List<Span> scan() {
    return scanner.scan(text);
  }
}
