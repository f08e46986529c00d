package dev.warden.policies.injection.model;

import dev.warden.policies.injection.signals.ScanMarks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The learned layer of the injection detector: a logistic regression over hashed token and char
 * n-gram features ({@link Featurizer}), scoring natural-language content. Immutable and
 * thread-safe; {@link #score} allocates per call only a copy of the text's chars and its {@link
 * ScanMarks} (see {@link BestWindow}).
 *
 * <p>Long texts are scored by windows, so that an instruction planted in the middle of a long
 * document is not averaged away: the token stream is cut into blocks of {@link
 * FeatureSpec#blockTokens()} tokens, a window is two adjacent blocks (so windows overlap by half),
 * and the score is that of the highest-scoring window. A text of at most two blocks is one window.
 * A window's logit is {@code bias + sum(weights of its features) / norm}, where norm is the number
 * of its features or its square root ({@link FeatureSpec#meanNorm()}), the same length
 * normalisation the model was trained with.
 *
 * <p>The score is calibrated so that the policy's default threshold, 0.7, is the operating point
 * the model was chosen for; see {@code policies/src/main/resources/dev/warden/policies/injection/}.
 */
public final class InjectionModel {

  /** Where {@link #loadDefault()} reads the shipped model from. */
  public static final String DEFAULT_RESOURCE = "/dev/warden/policies/injection/injection-model.bin";

  private final Featurizer featurizer;
  private final float bias;
  private final float[] weights;
  private final String about;

  InjectionModel(FeatureSpec spec, float bias, float[] weights, String about) {
    if (weights.length != spec.buckets()) {
      throw new IllegalArgumentException(
          weights.length + " weights for " + spec.buckets() + " buckets");
    }
    this.featurizer = new Featurizer(spec);
    this.bias = bias;
    this.weights = weights;
    this.about = about;
  }

  /** A model with the given weights (copied), one per bucket of {@code spec}. */
  public static InjectionModel of(FeatureSpec spec, float bias, float[] weights, String about) {
    return new InjectionModel(spec, bias, weights.clone(), about);
  }

  /**
   * The model shipped in this jar, read once.
   *
   * @throws IllegalStateException if the resource is missing or unreadable (a packaging error)
   */
  public static InjectionModel loadDefault() {
    return DefaultHolder.MODEL;
  }

  /** Reads a weights file in the format of {@link ModelFile}; the stream is not closed. */
  public static InjectionModel read(InputStream in) throws IOException {
    return ModelFile.read(in);
  }

  /** Writes this model in the format {@link #read} reads; the stream is not closed. */
  public void write(OutputStream out) throws IOException {
    ModelFile.write(this, out);
  }

  /** The injection score of {@code text}, in [0, 1]: the logistic of {@link #logit}. */
  public double score(CharSequence text) {
    return 1 / (1 + Math.exp(-logit(text)));
  }

  /** The logit of the highest-scoring window of {@code text}. */
  public double logit(CharSequence text) {
    return logit(text, new ScanMarks());
  }

  /**
   * As {@link #score(CharSequence)}, marking in {@code marks} the chars of {@code text} that the
   * structural signals would otherwise walk the text again to find.
   */
  public double score(CharSequence text, ScanMarks marks) {
    return 1 / (1 + Math.exp(-logit(text, marks)));
  }

  private double logit(CharSequence text, ScanMarks marks) {
    return bias + BestWindow.of(featurizer.spec(), weights, text, marks);
  }

  public FeatureSpec spec() {
    return featurizer.spec();
  }

  public Featurizer featurizer() {
    return featurizer;
  }

  public float bias() {
    return bias;
  }

  /** What the model is and what it was trained on, as written by the training program. */
  public String about() {
    return about;
  }

  /** A copy of the weights, one per bucket. */
  public float[] weightsCopy() {
    return weights.clone();
  }

  float[] weights() {
    return weights;
  }

  private static final class DefaultHolder {

    static final InjectionModel MODEL = load();

    private static InjectionModel load() {
      try (InputStream in = InjectionModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the injection model " + DEFAULT_RESOURCE
              + " is not on the class path");
        }
        return read(new java.io.BufferedInputStream(in));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the injection model " + DEFAULT_RESOURCE
            + ": " + e.getMessage(), new UncheckedIOException(e));
      }
    }
  }
}
