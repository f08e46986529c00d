package dev.warden.agent.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.bootstrap.WardenBridge;
import java.lang.instrument.Instrumentation;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;

/** The JDK HttpClient hook: LangChain4j's default transport and any {@code java.net.http} caller. */
public final class JdkHttpInstrumentation {

  private JdkHttpInstrumentation() {}

  public static AgentBuilder apply(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice,
      Instrumentation inst) {
    // advice inlined into java.net.http calls the bridge, which lives in the boot loader's unnamed module
    inst.redefineModule(HttpClient.class.getModule(), Set.of(WardenBridge.class.getModule()),
        Map.of(), Map.of(), Set.of(), Map.of());
    return builder
        .type(named("jdk.internal.net.http.HttpClientImpl"))
        .transform(advice.advice(named("sendAsync").and(isPrivate()).and(takesArguments(4)),
            HttpClientImplAdvice.class.getName()));
  }
}
