package dev.warden.policies.injection;

import dev.warden.policies.injection.signals.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How {@link LayeredInjectionScorer} turns the layers' evidence into one score: a logistic
 * regression over two numbers, the model's logit and the signals' summed evidence,
 *
 * <pre>
 * z     = bias + modelWeight * (logit(model score) - (tool content or code ? toolShift : 0))
 *              + signalWeight * sum over the signals of -ln(1 - strength)
 * score = 1 / (1 + exp(-z))
 * </pre>
 *
 * <p>The weights are fitted by {@code training/…/TrainInjectionModel} on leave-one-family-out
 * scores (the model's score of a row it was not trained on), so they say how far each layer can
 * be trusted on kinds of text it has not seen; the bias is then set so that the policy default,
 * 0.7, is the chosen operating point. {@code toolShift} is a fixed choice, not fitted: the learned
 * model is trained on prompts, and on documents of a kind it has not seen it is little better than
 * chance, so in tool content, and in code, markup or preformatted text in any role ({@link
 * LayerScores#modelOutOfDomain}), it needs that much more logit to count. Signals only ever raise
 * the score ({@code signalWeight > 0}). Immutable and thread-safe.
 *
 * @param bias         the logit of a text the model scores 0.5 and no signal fires on
 * @param modelWeight  the weight of the model's logit, at least 0
 * @param signalWeight the weight of the signals' evidence, more than 0
 * @param toolShift    what the model's logit loses in tool content and code, at least 0
 */
public record InjectionFusion(double bias, double modelWeight, double signalWeight,
    double toolShift) {

  /** Where {@link #loadDefault()} reads the shipped fusion from. */
  public static final String DEFAULT_RESOURCE =
      "/dev/warden/policies/injection/injection-fusion.properties";

  private static final double MIN_PROBABILITY = 1e-7;
  private static final double MAX_STRENGTH = 0.999;

  public InjectionFusion {
    check("bias", bias, Double.NEGATIVE_INFINITY);
    check("modelWeight", modelWeight, 0);
    check("signalWeight", signalWeight, 0);
    check("toolShift", toolShift, 0);
    if (signalWeight == 0) {
      throw new IllegalArgumentException("signalWeight must be more than 0");
    }
  }

  private static void check(String name, double value, double min) {
    if (!Double.isFinite(value) || value < min) {
      throw new IllegalArgumentException(name + " must be a finite number"
          + (min > Double.NEGATIVE_INFINITY ? " of at least " + min : "") + ", was " + value);
    }
  }

  /** The fusion shipped in this jar, read once. */
  public static InjectionFusion loadDefault() {
    return DefaultHolder.FUSION;
  }

  /**
   * The fused score, in [0, 1], of a model score and the signals that fired; {@code outOfDomain}
   * for tool content and code ({@link LayerScores#modelOutOfDomain}).
   */
  public double score(double modelScore, List<Signal> signals, boolean outOfDomain) {
    double p = Math.min(Math.max(modelScore, MIN_PROBABILITY), 1 - MIN_PROBABILITY);
    double z = bias + modelWeight * (Math.log(p / (1 - p)) - (outOfDomain ? toolShift : 0));
    for (int i = 0, n = signals.size(); i < n; i++) {
      z -= signalWeight * Math.log1p(-Math.min(signals.get(i).strength(), MAX_STRENGTH));
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Reads {@code bias}, {@code modelWeight}, {@code signalWeight} and {@code toolShift} from a
   * properties text; the stream is not closed.
   *
   * @throws IOException if one is missing, not a number or out of range
   */
  public static InjectionFusion read(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      return new InjectionFusion(number(properties, "bias"), number(properties, "modelWeight"),
          number(properties, "signalWeight"), number(properties, "toolShift"));
    } catch (IllegalArgumentException e) {
      throw new IOException("bad injection fusion: " + e.getMessage(), e);
    }
  }

  private static double number(Properties properties, String key) throws IOException {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IOException("bad injection fusion: " + key + " is missing");
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IOException("bad injection fusion: " + key + " is not a number: " + value, e);
    }
  }

  /** This fusion as the properties text {@link #read} reads, after {@code comment} lines. */
  public String toProperties(String comment) {
    StringBuilder out = new StringBuilder();
    comment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
    out.append(String.format(Locale.ROOT, "bias=%s\nmodelWeight=%s\nsignalWeight=%s\ntoolShift=%s\n",
        bias, modelWeight, signalWeight, toolShift));
    return out.toString();
  }

  private static final class DefaultHolder {

    static final InjectionFusion FUSION = load();

    private static InjectionFusion load() {
      try (InputStream in = InjectionFusion.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the injection fusion " + DEFAULT_RESOURCE
              + " is not on the class path");
        }
        return read(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the injection fusion " + DEFAULT_RESOURCE
            + ": " + e.getMessage(), new UncheckedIOException(e));
      }
    }
  }
}
