package dev.warden.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * What the JDK HttpClient advice does with one send: swap its arguments, or answer it at once.
 * Typed {@code Object}: the boot loader, which defines this class, cannot see {@code java.net.http}.
 */
public final class JdkSend {
  /** The {@code HttpRequest} to send. */
  public final Object request;
  /** The {@code HttpResponse.BodyHandler} to use. */
  public final Object handler;
  /** Non-null when the call is answered without reaching the network. */
  public final CompletableFuture<?> answer;
  /**
   * Non-null when the response may be withheld once its body is read: maps the future the send
   * returns to the one the application gets. Total: never throws.
   */
  public final UnaryOperator<CompletableFuture<?>> response;

  public JdkSend(Object request, Object handler, CompletableFuture<?> answer) {
    this(request, handler, answer, null);
  }

  public JdkSend(Object request, Object handler, CompletableFuture<?> answer,
      UnaryOperator<CompletableFuture<?>> response) {
    this.request = request;
    this.handler = handler;
    this.answer = answer;
    this.response = response;
  }
}
