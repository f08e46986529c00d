package dev.warden.training.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.warden.policies.injection.InjectionFusion;
import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.signals.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fusion fitters on synthetic held-out scores where the answer is known. */
class FusionFitterTest {

  private final List<Example> rows = new ArrayList<>();
  private final List<LayerScores> layers = new ArrayList<>();

  /**
   * Two families of each class; attacks' model logits centred at +1, benign at -1; a signal of 0.6
   * fires on a third of the attacks and never on benign rows; tool rows are benign documents the
   * model scores high.
   */
  FusionFitterTest() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      boolean attack = i % 2 == 0;
      boolean tool = !attack && i % 10 == 1;
      double logit = (attack ? 1 : tool ? 1.5 : -1) + random.nextGaussian();
      List<Signal> signals = attack && i % 3 == 0 ? List.of(new Signal("s", 0.6)) : List.of();
      rows.add(new Example("r" + i, "", attack ? 1 : 0, (attack ? "a" : "b") + (i % 4 < 2 ? 1 : 2),
          "", tool ? "tool" : "user"));
      layers.add(new LayerScores(1 / (1 + Math.exp(-logit)), signals, false));
    }
  }

  private double benignFpr(Fusion fusion) {
    int benign = 0;
    int flagged = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).attack()) {
        benign++;
        flagged += fusion.score(layers.get(i), rows.get(i).indirect()) >= 0.7 ? 1 : 0;
      }
    }
    return (double) flagged / benign;
  }

  private LayerScores[] layers() {
    return layers.toArray(new LayerScores[0]);
  }

  @Test
  void theLogisticFusionIsCalibratedToTheTargetFpr() {
    Fusion fusion = FusionFitter.logistic(0.05, 0).fit(rows, layers());
    assertThat(benignFpr(fusion)).isCloseTo(0.05, within(0.005));
  }

  @Test
  void theLogisticFusionLearnsThatTheSignalIsReliable() {
    InjectionFusion fusion = FusionFitter.fitLogistic(rows, layers(), 0.05, 0);
    assertThat(fusion.modelWeight()).isBetween(0.5, 2.0);
    assertThat(fusion.signalWeight()).isGreaterThan(1);
  }

  @Test
  void aFixedSignalWeightIsKept() {
    InjectionFusion fusion = FusionFitter.fitLogistic(rows, layers(), 0.05, 2, 1.5);
    assertThat(fusion.signalWeight()).isEqualTo(1.5);
    assertThat(fusion.toolShift()).isEqualTo(2);
  }

  @Test
  void theToolShiftKeepsBenignDocumentsTheModelLikesBelowTheThreshold() {
    Fusion plain = FusionFitter.logistic(0.05, 0).fit(rows, layers());
    Fusion shifted = FusionFitter.logistic(0.05, 2).fit(rows, layers());
    assertThat(toolFpr(shifted)).isLessThan(toolFpr(plain));
  }

  private double toolFpr(Fusion fusion) {
    int tool = 0;
    int flagged = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).indirect()) {
        tool++;
        flagged += fusion.score(layers.get(i), true) >= 0.7 ? 1 : 0;
      }
    }
    return (double) flagged / tool;
  }

  @Test
  void theNoisyOrOffsetIsCalibratedToo() {
    Fusion fusion = FusionFitter.noisyOrOffset(0.05, 0).fit(rows, layers());
    assertThat(benignFpr(fusion)).isLessThanOrEqualTo(0.05).isGreaterThan(0.04);
  }

  @Test
  void denseLogisticRecoversKnownWeights() {
    Random random = new Random(3);
    int n = 20_000;
    double[][] x = new double[n][];
    int[] y = new int[n];
    double[] costs = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextGaussian(), random.nextGaussian()};
      double z = -0.5 + 2 * x[i][0] - x[i][1];
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
      costs[i] = 1;
    }
    double[] w = DenseLogistic.fit(x, y, costs, 0);
    assertThat(w[0]).isCloseTo(2, within(0.15));
    assertThat(w[1]).isCloseTo(-1, within(0.1));
    assertThat(w[2]).isCloseTo(-0.5, within(0.1));
  }
}
