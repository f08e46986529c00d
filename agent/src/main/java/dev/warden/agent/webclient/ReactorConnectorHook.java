package dev.warden.agent.webclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The hook for Spring's reactive client on Reactor Netty: every exchange of a {@code WebClient}
 * built on {@code ReactorClientHttpConnector} (what Spring Boot picks when reactor-netty is on the
 * class path) goes through its {@code connect(method, uri, requestCallback)}, before any
 * connection is made and with the whole request still to be written.
 */
public final class ReactorConnectorHook implements Hook {

  @Override
  public String typeName() {
    return "org.springframework.http.client.reactive.ReactorClientHttpConnector";
  }

  @Override
  public String adviceName() {
    return "dev.warden.agent.webclient.ConnectAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return named("connect").and(takesArguments(3))
        .and(takesArgument(0, named("org.springframework.http.HttpMethod")))
        .and(takesArgument(1, named("java.net.URI")))
        .and(returns(named("reactor.core.publisher.Mono")));
  }
}
