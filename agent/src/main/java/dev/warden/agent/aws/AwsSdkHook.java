package dev.warden.agent.aws;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The AWS SDK for Java v2 hook (Bedrock Runtime): Warden's interceptor joins the global
 * interceptors every client builder loads, so it runs in {@code modifyHttpRequest}, before SigV4
 * signs the body. {@code getGlobalInterceptors} exists since 2.0.
 */
public final class AwsSdkHook implements Hook {

  @Override
  public String typeName() {
    return "software.amazon.awssdk.core.interceptor.ClasspathInterceptorChainFactory";
  }

  @Override
  public String adviceName() {
    return "dev.warden.agent.aws.GlobalInterceptorsAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return named("getGlobalInterceptors").and(takesArguments(0));
  }
}
