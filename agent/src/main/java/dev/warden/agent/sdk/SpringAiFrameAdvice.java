package dev.warden.agent.sdk;

import dev.warden.bootstrap.SdkFrame;
import net.bytebuddy.asm.Advice;

/** Opens and closes the {@code spring-ai} frame around the hooked method ({@link SdkFrameHook}). */
public final class SpringAiFrameAdvice {

  private SpringAiFrameAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter() {
    return SdkFrame.enter("spring-ai");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object frame) {
    SdkFrame.exit(frame);
  }
}
