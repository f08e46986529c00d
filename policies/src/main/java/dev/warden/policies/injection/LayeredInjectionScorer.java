package dev.warden.policies.injection;

import dev.warden.policies.injection.model.InjectionModel;
import dev.warden.policies.injection.normalize.DecodedSegment;
import dev.warden.policies.injection.normalize.NormalizedText;
import dev.warden.policies.injection.normalize.TextNormalizer;
import dev.warden.policies.injection.signals.Role;
import dev.warden.policies.injection.signals.ScanMarks;
import dev.warden.policies.injection.signals.Signal;
import dev.warden.policies.injection.signals.StructuralSignals;
import java.util.ArrayList;
import java.util.List;

/**
 * The injection score of a text from the three layers: the text is normalised (layer 1), its
 * structural signals are read (layer 2), and the learned model scores the normalised text and each
 * decoded segment (layer 3). The layers are fused by an {@link InjectionFusion}: a logistic
 * regression over the model's logit and the signals' summed evidence, fitted on held-out scores,
 * so one strong signal or a confident model suffices and several weak ones add up; in tool content
 * the model counts for less. Tool results written as JSON are scored on their string values.
 * Immutable and thread-safe.
 */
public final class LayeredInjectionScorer implements InjectionScorer {

  /** A layer is named as a reason when it alone would give at least this score. */
  static final double REASON_FLOOR = 0.3;

  static final String MODEL = "model";

  private final TextNormalizer normalizer;
  private final InjectionModel model;
  private final InjectionFusion fusion;

  /** A scorer with the shipped fusion. */
  public LayeredInjectionScorer(TextNormalizer normalizer, InjectionModel model) {
    this(normalizer, model, InjectionFusion.loadDefault());
  }

  public LayeredInjectionScorer(TextNormalizer normalizer, InjectionModel model,
      InjectionFusion fusion) {
    this.normalizer = normalizer;
    this.model = model;
    this.fusion = fusion;
  }

  /** The scorer with the shipped model, built once. */
  public static LayeredInjectionScorer standard() {
    return Standard.SCORER;
  }

  @Override
  public InjectionScore score(String text, boolean indirect) {
    LayerScores layers = layers(text, indirect);
    double modelScore = layers.modelScore();
    List<Signal> signals = layers.signals();
    double score = fusion.score(modelScore, signals, layers.modelOutOfDomain(indirect));
    return new InjectionScore(Math.min(1, Math.max(0, score)), reasons(modelScore, signals));
  }

  /** What each layer finds in {@code text}, before fusion; {@link #score} fuses exactly this. */
  public LayerScores layers(String text, boolean indirect) {
    String json = indirect ? JsonStringValues.of(text) : null;
    NormalizedText normalized = normalizer.normalize(json != null ? json : text);
    // the model's walk over the text marks where the signals have work: they need no walk of
    // their own
    ScanMarks marks = new ScanMarks();
    double modelScore = model.score(normalized.text(), marks);
    for (DecodedSegment segment : normalized.segments()) {
      modelScore = Math.max(modelScore, model.score(segment.text()));
    }
    List<Signal> signals =
        StructuralSignals.detect(normalized, indirect ? Role.TOOL : Role.USER, marks);
    // tool content is out of the model's domain already: only the user's text is asked
    return new LayerScores(modelScore, signals, !indirect && CodeText.is(normalized.text()));
  }

  /** The layers that alone would reach {@link #REASON_FLOOR}, strongest first. */
  private static List<String> reasons(double modelScore, List<Signal> signals) {
    List<Signal> strong = new ArrayList<>(signals.size() + 1);
    if (modelScore >= REASON_FLOOR) {
      strong.add(new Signal(MODEL, modelScore));
    }
    for (Signal signal : signals) {
      if (signal.strength() >= REASON_FLOOR) {
        strong.add(signal);
      }
    }
    if (strong.isEmpty()) {
      return List.of();
    }
    strong.sort((a, b) -> Double.compare(b.strength(), a.strength()));
    List<String> names = new ArrayList<>(strong.size());
    for (Signal signal : strong) {
      names.add(signal.name());
    }
    return names;
  }

  private static final class Standard {
    static final LayeredInjectionScorer SCORER =
        new LayeredInjectionScorer(TextNormalizer.DEFAULT, InjectionModel.loadDefault(),
            InjectionFusion.loadDefault());
  }
}
