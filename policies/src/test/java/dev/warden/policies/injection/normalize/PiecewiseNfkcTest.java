package dev.warden.policies.injection.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PiecewiseNfkcTest {

  private static final String[] PIECES = {"a", "e", "=", " ", "\n", "x", "\u0301", "\u0308", "\u0338",
      "\u0323", "\u00A0", "\uFB01", "\uFF21", "\u1100", "\u1161", "\u11A8", "\uAC00", "\u3099", "\u304B",
      "\u00E9", "\u2460", "\uD835\uDC22", "\u0627", "\u0653", "\u2026", "\u00BD", "\u1E9B", "\u0345"};

  @Test
  void equalsNfkcOfTheWholeText() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(12);
      for (int k = 0; k < pieces; k++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String s = text.toString();
      assertThat(UnicodeCleaner.nfkc(s)).as(s).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFKC));
    }
  }

  @Test
  void asciiAndStableTextComeBackAsTheSameInstance() {
    String text = "plain \u00E9t\u00E9 \u4E2D\u6587";
    assertThat(UnicodeCleaner.nfkc(text)).isSameAs(text);
  }
}
