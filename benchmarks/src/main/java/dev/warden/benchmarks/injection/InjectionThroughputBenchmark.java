package dev.warden.benchmarks.injection;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.benchmarks.pii.PiiCorpus;
import dev.warden.policies.injection.model.InjectionModel;
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
 * Scoring throughput of {@link InjectionModel} on one thread. One invocation scores a whole {@link
 * PiiCorpus} of {@value PiiCorpus#CHARS} ASCII chars as one text (so the window logic runs over
 * every block), and each char counts as one operation: the score in ops/us is MB/s of UTF-8 text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InjectionThroughputBenchmark {

  @Param({"PROSE_CLEAN", "JSON_TOOL"})
  public PiiCorpus.Kind corpus;

  private InjectionModel model;
  private String text;

  @Setup
  public void setUp() {
    ApplicationStrings.seeBothEncodings();
    model = InjectionModel.loadDefault();
    text = PiiCorpus.generate(corpus).text();
    System.out.println();
    System.out.printf("# %s: %d chars, score %.4f%n", corpus, text.length(), model.score(text));
  }

  @Benchmark
  @OperationsPerInvocation(PiiCorpus.CHARS)
  public double score() {
    return model.score(text);
  }
}
