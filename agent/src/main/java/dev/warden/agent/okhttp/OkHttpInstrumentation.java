package dev.warden.agent.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;

/** The OkHttp hook: openai-java, anthropic-java, google-genai, Spring AI 2.x, any OkHttp caller. */
public final class OkHttpInstrumentation {

  private OkHttpInstrumentation() {}

  public static AgentBuilder apply(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
    return builder
        .type(named("okhttp3.OkHttpClient"))
        .transform(advice.advice(
            isConstructor().and(takesArguments(1)).and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
            // by name: loading the advice here would resolve OkHttp types this loader cannot see
            "dev.warden.agent.okhttp.OkHttpClientAdvice"));
  }
}
