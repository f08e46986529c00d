package dev.warden.policies.injection.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.injection.signals.ScanMarks;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BestWindow} is {@link Featurizer#featurize} fused with the window sums: on every spec and
 * on text of every kind it must give, bit for bit, what the features fed one by one to a sink give.
 */
class BestWindowTest {

  private static final String PIECES = "abcXYZ019 \t\n\r.,;:!?\"'(){}[]<>@#$%^&*_-+=/\\|~`"
      + "\u00e9\u00df\u00c9\u0130\u0301\u200b\u200d\u00ad\u202e\u00a0\u3000\u4e2d\u65e5\u3042\u30ab"
      + "\u0661\u0966\uff10\uff21\u2019\u201d\u2014\ud83d\ude00\udb40\udc41\ud800";

  private static final FeatureSpec[] SPECS = {
      new FeatureSpec(18, true, true, 4, 4, 16, false, true),
      new FeatureSpec(12, true, true, 2, 5, 4, true, false),
      new FeatureSpec(10, false, true, 3, 3, 1, false, true),
      new FeatureSpec(11, true, false, 2, 2, 0, false, true),
      new FeatureSpec(12, true, true, 0, 0, 3, true, true),
      new FeatureSpec(14, false, false, 4, 5, 16, false, false),
      new FeatureSpec(10, true, true, 3, 4, 2, true, true),
  };

  @Test
  void fusedScoringMatchesTheFeaturesFedToASink() {
    Random random = new Random(7_301L);
    for (FeatureSpec spec : SPECS) {
      float[] weights = new float[spec.buckets()];
      for (int k = 0; k < weights.length; k++) {
        weights[k] = (float) random.nextGaussian();
      }
      Featurizer featurizer = new Featurizer(spec);
      for (int round = 0; round < 400; round++) {
        int length = random.nextInt(round % 10 == 0 ? 3_000 : 120);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < length; k++) {
          text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000)
              : PIECES.charAt(random.nextInt(random.nextBoolean() ? 12 : PIECES.length())));
        }
        String s = text.toString();
        ReferenceWindows reference =
            new ReferenceWindows(weights, spec.blockTokens(), spec.meanNorm());
        featurizer.featurize(s, reference);
        assertThat(BestWindow.of(spec, weights, s, new ScanMarks())).as("%s on %s", spec, s)
            .isEqualTo(reference.best());
        assertThat(BestWindow.of(spec, weights, new StringBuilder(s), new ScanMarks()))
            .isEqualTo(reference.best());
      }
    }
  }

  /** The window sums as {@link InjectionModel} computed them through a sink. */
  private static final class ReferenceWindows implements Featurizer.Sink {

    private final float[] weights;
    private final int blockTokens;
    private final boolean meanNorm;
    private float sum;
    private int count;
    private int tokens;
    private float previousSum;
    private int previousCount;
    private boolean hasPrevious;
    private double best = Double.NEGATIVE_INFINITY;

    ReferenceWindows(float[] weights, int blockTokens, boolean meanNorm) {
      this.weights = weights;
      this.blockTokens = blockTokens;
      this.meanNorm = meanNorm;
    }

    @Override
    public void feature(int bucket) {
      sum += weights[bucket];
      count++;
    }

    @Override
    public void tokenEnd() {
      if (++tokens == blockTokens) {
        if (hasPrevious) {
          best = Math.max(best, window(previousSum + sum, previousCount + count));
        }
        previousSum = sum;
        previousCount = count;
        hasPrevious = true;
        sum = 0;
        count = 0;
        tokens = 0;
      }
    }

    double best() {
      if (!hasPrevious) {
        return window(sum, count);
      }
      if (count > 0 || best == Double.NEGATIVE_INFINITY) {
        return Math.max(best, window(previousSum + sum, previousCount + count));
      }
      return best;
    }

    private double window(float sum, int count) {
      return count == 0 ? 0 : meanNorm ? sum / count : sum / Math.sqrt(count);
    }
  }
}
