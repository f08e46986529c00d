package dev.warden.agent.httpclient5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The Apache HttpClient 5 async hook: every {@code execute(requestProducer, responseConsumer, …)}
 * of a {@code CloseableHttpAsyncClient} (the {@code SimpleHttpRequest} ones included) ends in
 * {@code doExecute(target, producer, consumer, pushHandlerFactory, context, callback)}, implemented
 * by the base of the clients {@code HttpAsyncClients.custom()…build()} builds and by the base of
 * the minimal ones ({@code createMinimal()}). Covers Spring's WebClient on its HttpComponents
 * connector, and direct callers.
 */
public final class AsyncClientHook implements Hook {

  private final String typeName;

  private AsyncClientHook(String typeName) {
    this.typeName = typeName;
  }

  /** One hook per base class: each has its own {@code doExecute}. */
  public static List<Hook> all() {
    return List.of(new AsyncClientHook("org.apache.hc.client5.http.impl.async.InternalAbstractHttpAsyncClient"),
        new AsyncClientHook("org.apache.hc.client5.http.impl.async.AbstractMinimalHttpAsyncClientBase"));
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public String adviceName() {
    return "dev.warden.agent.httpclient5.AsyncDoExecuteAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return named("doExecute").and(takesArguments(6))
        .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost")))
        .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncRequestProducer")))
        .and(takesArgument(2, named("org.apache.hc.core5.http.nio.AsyncResponseConsumer")))
        .and(takesArgument(4, named("org.apache.hc.core5.http.protocol.HttpContext")))
        .and(takesArgument(5, named("org.apache.hc.core5.concurrent.FutureCallback")))
        .and(returns(named("java.util.concurrent.Future")));
  }
}
