package dev.warden.agent.okhttp;

import dev.warden.bootstrap.WardenBridge;
import net.bytebuddy.asm.Advice;
import okhttp3.OkHttpClient;

/**
 * Inlined at the start of {@code OkHttpClient(Builder)}, through which every client is built
 * (also {@code new OkHttpClient()} and {@code newBuilder().build()}): puts Warden's interceptor
 * first in the builder's list. No suppression here: code before {@code super()} may not be
 * wrapped in a handler, and the bridge never throws.
 */
public final class OkHttpClientAdvice {

  private OkHttpClientAdvice() {}

  @Advice.OnMethodEnter
  public static void enter(@Advice.Argument(0) OkHttpClient.Builder builder) {
    WardenBridge.addOkHttpInterceptor(builder.interceptors(), builder.getClass().getClassLoader());
  }
}
