package dev.warden.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.sdk.SdkFrameHook;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceWeaverTest {

  /** Stands in for a library class. */
  static final class Library {
    String call(String prompt) {
      return prompt;
    }
  }

  private final AdviceWeaver weaver = new AdviceWeaver(AdviceWeaverTest.class.getClassLoader());
  private static final String ADVICE = "dev.warden.agent.sdk.SpringAiFrameAdvice";

  @Test
  void aMatchingMethodGetsTheAdvice() throws IOException {
    byte[] original = classFile();
    byte[] woven = weaver.weave(new SdkFrameHook(Library.class.getName(), List.of("call"), 1, ADVICE),
        Library.class.getClassLoader(), original);
    assertThat(woven).isNotNull().isNotEqualTo(original);
  }

  @Test
  void aVersionWithoutTheHookedMethodIsLeftAlone() throws IOException {
    assertThat(weaver.weave(new SdkFrameHook(Library.class.getName(), List.of("callRenamed"), 1, ADVICE),
        Library.class.getClassLoader(), classFile())).isNull();
    assertThat(weaver.weave(new SdkFrameHook(Library.class.getName(), List.of("call"), 2, ADVICE),
        Library.class.getClassLoader(), classFile())).as("another signature").isNull();
  }

  private static byte[] classFile() throws IOException {
    try (InputStream in = Library.class.getResourceAsStream("AdviceWeaverTest$Library.class")) {
      return in.readAllBytes();
    }
  }
}
