package dev.warden.agent.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The OkHttp hook: openai-java, anthropic-java, google-genai, Spring AI 2.x, any OkHttp caller. */
public final class OkHttpHook implements Hook {

  @Override
  public String typeName() {
    return "okhttp3.OkHttpClient";
  }

  @Override
  public String adviceName() {
    // by name: loading the advice here would resolve OkHttp types this loader cannot see
    return "dev.warden.agent.okhttp.OkHttpClientAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return isConstructor().and(takesArguments(1)).and(takesArgument(0, named("okhttp3.OkHttpClient$Builder")));
  }
}
