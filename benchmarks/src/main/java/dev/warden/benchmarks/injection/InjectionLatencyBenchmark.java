package dev.warden.benchmarks.injection;

import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.benchmarks.pii.PiiCorpus;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.injection.model.InjectionModel;
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
 * Latency of one {@link InjectionModel#score} call ({@code score}) and of the whole fused detector
 * the agent runs, normalisation, signals and model ({@code scoreFused}), on English prose of
 * {@code chars} chars, sampled per call: JMH prints the median ({@code p0.50}) and {@code p0.99}.
 * Budget: p99 at most 1 ms for 2,000 chars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InjectionLatencyBenchmark {

  @Param({"200", "2000", "20000"})
  public int chars;

  private InjectionModel model;
  private LayeredInjectionScorer fused;
  private String text;

  @Setup
  public void setUp() {
    ApplicationStrings.seeBothEncodings();
    model = InjectionModel.loadDefault();
    fused = LayeredInjectionScorer.standard();
    String prose = PiiCorpus.generate(PiiCorpus.Kind.PROSE_CLEAN).text();
    text = prose.substring(0, chars);
    System.out.println();
    System.out.printf("# %d chars of prose, score %.4f%n", chars, model.score(text));
  }

  @Benchmark
  public double score() {
    return model.score(text);
  }

  @Benchmark
  public double scoreFused() {
    return fused.score(text, false).score();
  }
}
