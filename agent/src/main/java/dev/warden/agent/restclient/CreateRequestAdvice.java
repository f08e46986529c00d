package dev.warden.agent.restclient;

import dev.warden.bootstrap.WardenBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the end of {@code ReactorClientHttpRequestFactory#createRequest}: hands the new request
 * to the glue next to spring-web, which wraps one to an LLM endpoint in a request that has the call
 * decided when it executes.
 */
public final class CreateRequestAdvice {

  private CreateRequestAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Origin Class<?> factoryType,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
    returned = WardenBridge.wrapRequest(factoryType.getClassLoader(), returned);
  }
}
