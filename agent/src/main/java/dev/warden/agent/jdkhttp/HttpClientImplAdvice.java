package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.JdkSend;
import dev.warden.bootstrap.WardenBridge;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code jdk.internal.net.http.HttpClientImpl#sendAsync(request, handler, push,
 * executor)}, which every send and sendAsync of the JDK client goes through. Swaps the request
 * (and handler) for Warden's, or skips the method and returns a blocked call's answer; for a call
 * whose response may be withheld, also swaps the future it returns.
 */
public final class HttpClientImplAdvice {

  private HttpClientImplAdvice() {}

  // the local is typed Object: Byte Buddy resolves annotated parameter types where the JDK class
  // lives, and cannot see the bridge classes appended to the boot class path
  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  public static CompletableFuture<?> enter(
      @Advice.Argument(value = 0, readOnly = false) HttpRequest request,
      @Advice.Argument(value = 1, readOnly = false) HttpResponse.BodyHandler<?> handler,
      @Advice.Local("wardenSend") Object decided) {
    JdkSend send = WardenBridge.onJdkSend(request, handler);
    decided = send;
    if (send == null) {
      return null;
    }
    request = (HttpRequest) send.request;
    handler = (HttpResponse.BodyHandler<?>) send.handler;
    return send.answer;
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Enter CompletableFuture<?> answer,
      @Advice.Local("wardenSend") Object decided,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) CompletableFuture<?> returned) {
    if (answer != null) {
      returned = answer;
    } else if (decided != null && ((JdkSend) decided).response != null) {
      returned = ((JdkSend) decided).response.apply(returned);
    }
  }
}
