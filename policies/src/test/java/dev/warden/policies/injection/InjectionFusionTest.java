package dev.warden.policies.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policies.injection.signals.Signal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InjectionFusionTest {

  private static final InjectionFusion FUSION = new InjectionFusion(0.25, 0.45, 2.0, 2.0);

  @Test
  void isTheLogisticOfTheWeightedEvidence() {
    double z = 0.25 + 0.45 * Math.log(0.8 / 0.2) - 2.0 * Math.log(1 - 0.5);
    assertThat(FUSION.score(0.8, List.of(new Signal("x", 0.5)), false))
        .isCloseTo(1 / (1 + Math.exp(-z)), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void signalsOnlyRaiseTheScoreAndToolContentOnlyLowersTheModel() {
    double none = FUSION.score(0.4, List.of(), false);
    double one = FUSION.score(0.4, List.of(new Signal("a", 0.3)), false);
    double two = FUSION.score(0.4, List.of(new Signal("a", 0.3), new Signal("b", 0.6)), false);
    assertThat(none).isLessThan(one);
    assertThat(one).isLessThan(two);
    assertThat(FUSION.score(0.4, List.of(), true)).isLessThan(none);
    assertThat(FUSION.score(0.9, List.of(), false)).isGreaterThan(none);
  }

  @Test
  void extremeInputsStayProbabilities() {
    for (double model : new double[] {0, 1e-300, 0.5, 1 - 1e-17, 1}) {
      double score = FUSION.score(model, List.of(new Signal("a", 1.0), new Signal("b", 1.0)), true);
      assertThat(score).isBetween(0.0, 1.0);
      assertThat(FUSION.score(model, List.of(), false)).isBetween(0.0, 1.0);
    }
  }

  @Test
  void propertiesRoundTrip() throws IOException {
    String text = FUSION.toProperties("a comment\nover two lines");
    assertThat(text).startsWith("# a comment\n# over two lines\nbias=0.25\n");
    assertThat(InjectionFusion.read(stream(text))).isEqualTo(FUSION);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "modelWeight=1\nsignalWeight=1\ntoolShift=0",
      "bias=x\nmodelWeight=1\nsignalWeight=1\ntoolShift=0",
      "bias=0\nmodelWeight=-1\nsignalWeight=1\ntoolShift=0",
      "bias=0\nmodelWeight=1\nsignalWeight=0\ntoolShift=0",
      "bias=0\nmodelWeight=1\nsignalWeight=1\ntoolShift=-2",
      "bias=NaN\nmodelWeight=1\nsignalWeight=1\ntoolShift=0",
      "bias=0\nmodelWeight=Infinity\nsignalWeight=1\ntoolShift=0",
  })
  void badFilesAreRejectedWithTheKey(String text) {
    assertThatThrownBy(() -> InjectionFusion.read(stream(text)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("bad injection fusion: ")
        .hasMessageMatching("(?s).*(bias|modelWeight|signalWeight|toolShift).*");
  }

  @Test
  void theShippedFusionLoadsAndNamesWhereItCameFrom() throws IOException {
    InjectionFusion shipped = InjectionFusion.loadDefault();
    assertThat(shipped.signalWeight()).isPositive();
    assertThat(shipped.toolShift()).isGreaterThanOrEqualTo(0);
    try (InputStream in = InjectionFusion.class.getResourceAsStream(
        InjectionFusion.DEFAULT_RESOURCE)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("TrainInjectionModel", "sha256");
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
