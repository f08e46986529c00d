package dev.warden.agent.aws;

import dev.warden.bootstrap.WardenBridge;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the end of {@code ClasspathInterceptorChainFactory#getGlobalInterceptors}: the list
 * every AWS client builder takes its global interceptors from gets Warden's interceptor last.
 */
public final class GlobalInterceptorsAdvice {

  private GlobalInterceptorsAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  @SuppressWarnings({"rawtypes", "unused"})
  public static void exit(@Advice.This Object factory,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) List interceptors) {
    interceptors = WardenBridge.withAwsInterceptor(interceptors, factory.getClass().getClassLoader());
  }
}
