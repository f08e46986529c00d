package dev.warden.agent.restclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The hook for Spring's blocking clients on Reactor Netty: every request a {@code RestClient} or
 * {@code RestTemplate} on {@code ReactorClientHttpRequestFactory} sends (what Spring Boot 3.4+
 * picks when reactor-netty, and no Apache HttpClient 5 nor Jetty, is on the class path) is made by
 * its {@code createRequest(uri, method)}.
 */
public final class ReactorRequestFactoryHook implements Hook {

  @Override
  public String typeName() {
    return "org.springframework.http.client.ReactorClientHttpRequestFactory";
  }

  @Override
  public String adviceName() {
    return "dev.warden.agent.restclient.CreateRequestAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return named("createRequest").and(takesArguments(2))
        .and(takesArgument(0, named("java.net.URI")))
        .and(takesArgument(1, named("org.springframework.http.HttpMethod")));
  }
}
