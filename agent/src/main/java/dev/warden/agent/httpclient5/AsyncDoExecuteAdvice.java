package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.AsyncExecution;
import dev.warden.bootstrap.WardenBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into Apache HttpClient 5's async {@code doExecute}: hands the request producer,
 * response consumer and callback to the glue next to the library, then either skips the method
 * and returns the future of a blocked call's answer, or executes the glue's producer and consumer
 * in place of the application's. Library objects are typed {@code Object}: all the work is in the
 * glue.
 */
public final class AsyncDoExecuteAdvice {

  private AsyncDoExecuteAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  public static Object enter(
      @Advice.Origin Class<?> client,
      @Advice.Argument(0) Object target,
      @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object producer,
      @Advice.Argument(value = 2, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object consumer,
      @Advice.Argument(4) Object context,
      @Advice.Argument(5) Object callback) {
    AsyncExecution started = WardenBridge.onAsyncExecute(client, target, producer, consumer, context, callback);
    if (started == null) {
      return null;
    }
    Object answer = started.answer();
    if (answer == null) {
      producer = started.requestProducer();
      consumer = started.responseConsumer();
    }
    return answer;
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object answer,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
    if (answer != null) {
      returned = answer;
    }
  }
}
