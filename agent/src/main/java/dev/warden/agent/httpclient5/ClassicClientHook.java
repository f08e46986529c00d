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
 * The Apache HttpClient 5 classic hook: every {@code execute} and {@code executeOpen} of a
 * {@code CloseableHttpClient} ends in its {@code doExecute(target, request, context)}, implemented
 * by the two clients the library builds ({@code HttpClients.custom()…build()} and
 * {@code HttpClients.createMinimal()}). Covers Spring's RestClient and RestTemplate whenever
 * httpclient5 is on the class path (Spring Boot picks it first), and direct callers.
 */
public final class ClassicClientHook implements Hook {

  private final String typeName;

  private ClassicClientHook(String typeName) {
    this.typeName = typeName;
  }

  /** One hook per client class: both have their own {@code doExecute}. */
  public static List<Hook> all() {
    return List.of(new ClassicClientHook("org.apache.hc.client5.http.impl.classic.InternalHttpClient"),
        new ClassicClientHook("org.apache.hc.client5.http.impl.classic.MinimalHttpClient"));
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public String adviceName() {
    return "dev.warden.agent.httpclient5.DoExecuteAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return named("doExecute").and(takesArguments(3))
        .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost")))
        .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest")))
        .and(returns(named("org.apache.hc.client5.http.impl.classic.CloseableHttpResponse")));
  }
}
