package dev.warden.policies.injection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InjectionModelTest {

  /** A model that knows one word, "zebra", and gives every other feature weight 0. */
  private static InjectionModel zebra(int blockTokens) {
    FeatureSpec spec = new FeatureSpec(16, true, false, 0, 0, blockTokens, false, true);
    float[] weights = new float[spec.buckets()];
    int[] bucket = new int[1];
    new Featurizer(spec).featurize("zebra", new Featurizer.Sink() {
      @Override
      public void feature(int b) {
        bucket[0] = b;
      }

      @Override
      public void tokenEnd() {}
    });
    weights[bucket[0]] = 8;
    return InjectionModel.of(spec, -2, weights, "zebra");
  }

  private static String filler(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i % 7 == 0 ? "the " : "quiet ");
    }
    return text.toString();
  }

  @Test
  void scoreIsTheLogisticOfTheLogitAndEmptyTextScoresTheBias() {
    InjectionModel model = zebra(0);
    assertThat(model.logit("")).isEqualTo(-2.0);
    assertThat(model.score("")).isCloseTo(1 / (1 + Math.exp(2)), within(1e-12));
    assertThat(model.logit("zebra")).isCloseTo(-2 + 8, within(1e-6));
    assertThat(model.score("zebra zebra zebra zebra")).isBetween(0.0, 1.0);
  }

  @Test
  void aPlantedWordIsNotDilutedByALongTextWhenWindowed() {
    String planted = filler(2_000) + "zebra " + filler(2_000);
    double whole = zebra(0).logit(planted);
    double windowed = zebra(32).logit(planted);
    assertThat(whole).isLessThan(-1.5);
    // one zebra among the 64 tokens of a window: 8 / sqrt(64)
    assertThat(windowed).isCloseTo(-2 + 8 / 8.0, within(1e-6));
  }

  @Test
  void aPlantedWordIsFoundAtEveryOffset() {
    InjectionModel model = zebra(16);
    for (int before = 0; before < 80; before += 3) {
      String text = filler(before) + "zebra " + filler(50);
      // some window of at most 32 tokens holds it
      assertThat(model.logit(text)).as("zebra after %d words", before)
          .isGreaterThanOrEqualTo(-2 + 8 / Math.sqrt(32) - 1e-6);
    }
  }

  @Test
  void aTextOfUpToTwoBlocksIsOneWindow() {
    InjectionModel model = zebra(32);
    for (int words : new int[] {1, 31, 32, 33, 63}) {
      String text = "zebra " + filler(words);
      assertThat(model.logit(text)).as("%d words", words)
          .isCloseTo(-2 + 8 / Math.sqrt(words + 1), within(1e-6));
    }
  }

  @Test
  void scoringIsRepeatableAcrossThreads() throws InterruptedException {
    InjectionModel model = zebra(16);
    String text = filler(500) + "zebra " + filler(500);
    double expected = model.score(text);
    double[] seen = new double[4];
    Thread[] threads = new Thread[seen.length];
    for (int t = 0; t < threads.length; t++) {
      int slot = t;
      threads[t] = new Thread(() -> {
        double last = 0;
        for (int i = 0; i < 200; i++) {
          last = model.score(text);
          if (last != expected) {
            break;
          }
        }
        seen[slot] = last;
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(seen).containsOnly(expected);
  }
}
