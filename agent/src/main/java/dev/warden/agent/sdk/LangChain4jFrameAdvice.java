package dev.warden.agent.sdk;

import dev.warden.bootstrap.SdkFrame;
import net.bytebuddy.asm.Advice;

/** Opens and closes the {@code langchain4j} frame around the hooked method ({@link SdkFrameHook}). */
public final class LangChain4jFrameAdvice {

  private LangChain4jFrameAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter() {
    return SdkFrame.enter("langchain4j");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object frame) {
    SdkFrame.exit(frame);
  }
}
