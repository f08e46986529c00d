package dev.warden.bootstrap;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** What the JDK HttpClient advice does with one send: swap its arguments, or answer it at once. */
public final class JdkSend {
  public final HttpRequest request;
  public final HttpResponse.BodyHandler<?> handler;
  /** Non-null when the call is answered without reaching the network. */
  public final CompletableFuture<?> answer;

  public JdkSend(HttpRequest request, HttpResponse.BodyHandler<?> handler, CompletableFuture<?> answer) {
    this.request = request;
    this.handler = handler;
    this.answer = answer;
  }
}
