package dev.warden.agent.sdk;

import dev.warden.bootstrap.SdkFrame;
import net.bytebuddy.asm.Advice;

/** Opens and closes the {@code openai-java} frame around the hooked method ({@link SdkFrameHook}). */
public final class OpenAiJavaFrameAdvice {

  private OpenAiJavaFrameAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter() {
    return SdkFrame.enter("openai-java");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object frame) {
    SdkFrame.exit(frame);
  }
}
