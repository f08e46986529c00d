package dev.warden.benchmarks.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.benchmarks.ApplicationStrings;
import dev.warden.policies.injection.InjectionScore;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.injection.model.InjectionModel;
import dev.warden.policies.injection.normalize.NormalizedText;
import dev.warden.policies.injection.normalize.TextNormalizer;
import dev.warden.policies.injection.signals.Role;
import dev.warden.policies.injection.signals.Signal;
import dev.warden.policies.injection.signals.StructuralSignals;
import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Recognizer;
import dev.warden.policies.pii.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Scanning throughput on text written by people that the CPU has not learnt: the text is cut into
 * requests of {@value #CHUNK} chars, and each invocation scans the next one, round the whole text.
 * A text scanned again and again is partly learnt by the branch predictors, which then guess
 * word ends and anchors right: 64 K chars of licences repeated scan about twice as fast, layer by
 * layer, as the same licences among 237 K chars (see BENCHMARKS.md, "Fresh text"). The score in
 * ops/us is chars per microsecond: MB/s of UTF-8 for ASCII text.
 *
 * <p>{@code file}: a text file, a directory (its regular files, in name order; not the links, which
 * would repeat a text), or a {@code .jsonl}
 * file (the {@code text} of each row whose {@code label} is 0, such as the injection dev split's
 * benign prompts). At least {@value #MIN_CHUNKS} requests' worth is required.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FreshTextScanBenchmark {

  static final int CHUNK = 2_048;
  static final int MIN_CHUNKS = 64;

  @Param({"/usr/share/common-licenses"})
  public String file;

  private String[] chunks;
  private NormalizedText[] normalized;
  private int next;
  private PiiScanner pii;
  private InjectionModel model;

  @Setup
  public void setUp() {
    ApplicationStrings.seeBothEncodings();
    chunks = pieces(read(Path.of(file)), CHUNK);
    normalized = new NormalizedText[chunks.length];
    for (int i = 0; i < chunks.length; i++) {
      normalized[i] = TextNormalizer.DEFAULT.normalize(chunks[i]);
    }
    List<Recognizer> recognizers = new ArrayList<>();
    for (String type : BuiltInRecognizers.TYPES) {
      recognizers.add(BuiltInRecognizers.forType(type));
    }
    pii = new PiiScanner(recognizers, List.of());
    model = InjectionModel.loadDefault();
    System.out.println();
    System.out.println("# " + file + ": " + chunks.length + " requests of " + CHUNK + " chars");
  }

  private int nextIndex() {
    int index = next;
    next = index + 1 == chunks.length ? 0 : index + 1;
    return index;
  }

  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public NormalizedText normalize() {
    return TextNormalizer.DEFAULT.normalize(chunks[nextIndex()]);
  }

  /** The model on text normalised in set-up. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public double model() {
    return model.score(normalized[nextIndex()].text());
  }

  /** The structural signals of direct input, on text normalised in set-up. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public List<Signal> signals() {
    return StructuralSignals.detect(normalized[nextIndex()], Role.USER);
  }

  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public List<Span> pii() {
    return pii.scan(chunks[nextIndex()]);
  }

  /** The whole detector on direct input: three layers and the fusion. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public InjectionScore scorer() {
    return LayeredInjectionScorer.standard().score(chunks[nextIndex()], false);
  }

  /** What a request's text costs: the PII scan and the whole detector. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void piiAndScorer(Blackhole hole) {
    String text = chunks[nextIndex()];
    hole.consume(pii.scan(text));
    hole.consume(LayeredInjectionScorer.standard().score(text, false));
  }

  public static String read(Path path) {
    try {
      if (Files.isDirectory(path)) {
        StringBuilder text = new StringBuilder();
        List<Path> texts;
        try (Stream<Path> files = Files.list(path)) {
          texts = files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
              .sorted().toList();
        }
        for (Path each : texts) {
          text.append(Files.readString(each)).append('\n');
        }
        return text.toString();
      }
      if (path.toString().endsWith(".jsonl")) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(path)) {
          JsonNode row = json.readTree(line);
          if (row.path("label").asInt(-1) == 0) {
            text.append(row.path("text").asText()).append("\n\n");
          }
        }
        return text.toString();
      }
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Consecutive pieces of {@code size} chars, at least {@value #MIN_CHUNKS}; the rest dropped. */
  public static String[] pieces(String text, int size) {
    int count = text.length() / size;
    if (count < MIN_CHUNKS) {
      throw new IllegalArgumentException(text.length() + " chars: at least " + MIN_CHUNKS * size
          + " are needed, or the CPU learns the text");
    }
    String[] pieces = new String[count];
    for (int i = 0; i < count; i++) {
      pieces[i] = text.substring(i * size, (i + 1) * size);
    }
    return pieces;
  }
}
