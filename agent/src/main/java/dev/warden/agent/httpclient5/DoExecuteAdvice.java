package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.BlockingExchange;
import dev.warden.bootstrap.WardenBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into Apache HttpClient 5's {@code InternalHttpClient#doExecute} and
 * {@code MinimalHttpClient#doExecute}: hands the request to the glue next to the library, skips
 * the method and returns a blocked call's answer, and hands the response (or the failure) back
 * on exit. Library objects are typed {@code Object}: all the work is in the glue.
 */
public final class DoExecuteAdvice {

  private DoExecuteAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  public static Object enter(
      @Advice.Origin Class<?> client,
      @Advice.Argument(0) Object target,
      @Advice.Argument(1) Object request,
      @Advice.Local("wardenExchange") Object exchange) {
    BlockingExchange started = WardenBridge.onBlockingExecute(client, target, request);
    exchange = started;
    return started == null ? null : started.answer();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object answer,
      @Advice.Local("wardenExchange") Object exchange,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    if (answer != null) {
      returned = answer;
    } else if (exchange != null) {
      Object seen = ((BlockingExchange) exchange).end(returned, thrown);
      if (thrown == null) {
        returned = seen;
      }
    }
  }
}
