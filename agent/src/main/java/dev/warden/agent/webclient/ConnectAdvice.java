package dev.warden.agent.webclient;

import dev.warden.bootstrap.WardenBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code ReactorClientHttpConnector#connect}: hands the call to the glue next to
 * spring-web and, when the glue answers it, skips the method and returns the glue's response
 * publisher instead. Library objects are typed {@code Object}: all the work is in the glue.
 */
public final class ConnectAdvice {

  private ConnectAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  public static Object enter(
      @Advice.Origin Class<?> connectorType,
      @Advice.This Object connector,
      @Advice.Argument(0) Object method,
      @Advice.Argument(1) Object uri,
      @Advice.Argument(2) Object requestCallback) {
    return WardenBridge.onReactiveConnect(connectorType.getClassLoader(), connector, method, uri, requestCallback);
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
