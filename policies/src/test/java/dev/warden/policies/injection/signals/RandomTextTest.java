package dev.warden.policies.injection.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.injection.normalize.DecodeLimits;
import dev.warden.policies.injection.normalize.DecodedSegment;
import dev.warden.policies.injection.normalize.NormalizedText;
import dev.warden.policies.injection.normalize.TextNormalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both layers on random text built from the pieces they react to: they never throw, respect the
 * decode limits, and give signals whose strength is in range.
 */
class RandomTextTest {

  private static final String[] PIECES = {
      "ignore", " all", " previous", " instructions", "System:", "\n", "\n  ", "<|", "|>", "<", ">",
      "[", "]", "](", "(", ")", "![", "%", "%4", "%41", "\\x", "\\x4", "\\x41", "=", "+", "/", "-",
      "_", "aWdub3Jl", "69676e6f7265", "Vtaber", " gur ", ".", ":", "'", "\u2019", "\u200B", "\u200D",
      "\u202E", "\u00AD", "\uFE0F", "\uFE00", "\uDB40\uDC41", "\uDB40\uDC7F", "\uDB40", "\uDC41",
      "\uD83C\uDFF4", "\uD83D\uDE00", "\u043E", "\u0405", "\uFF49", "\u0301", "\u0335", "\uD835\uDC22",
      "\u05E9", "\u0645", "\u4E2D", "\u00A0", "\uFB01", "\u0000", "\u007F", "your", " response",
      " user", "DAN", " do anything now", "```system", "<system>", "</s>", "<s>", "@", "http://x.y/?q={",
      "no restrictions", " AI", ",", "never refuse",
  };

  @Test
  void randomTextNeverBreaksEitherLayer() {
    Random random = new Random(20_240_917L);
    TextNormalizer tight = new TextNormalizer(new DecodeLimits(4, 8, 200, 2, 20, 16));
    for (int round = 0; round < 3_000; round++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(60);
      for (int k = 0; k < pieces; k++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      for (TextNormalizer normalizer : new TextNormalizer[] {TextNormalizer.DEFAULT, tight}) {
        NormalizedText normalized = normalizer.normalize(text.toString());
        int decoded = 0;
        for (DecodedSegment segment : normalized.segments()) {
          assertThat(segment.depth()).isBetween(1, 2);
          decoded += segment.text().length();
        }
        if (normalizer == tight) {
          assertThat(normalized.segments()).hasSizeLessThanOrEqualTo(4);
          assertThat(decoded).isLessThanOrEqualTo(200);
        }
        for (Role role : Role.values()) {
          for (Signal signal : StructuralSignals.detect(normalized, role)) {
            assertThat(signal.strength()).isBetween(0.0, 1.0);
            assertThat(SignalNames.ALL).contains(signal.name());
          }
        }
      }
    }
  }
}
