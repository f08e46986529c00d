package dev.warden.agent.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import dev.warden.bootstrap.WardenBridge;
import java.lang.instrument.Instrumentation;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK HttpClient hook: LangChain4j's default transport and any {@code java.net.http} caller.
 * Every send and sendAsync goes through the private four-argument {@code sendAsync} (JDK 11–25).
 */
public final class JdkHttpHook implements Hook {

  @Override
  public String typeName() {
    return "jdk.internal.net.http.HttpClientImpl";
  }

  @Override
  public String adviceName() {
    return "dev.warden.agent.jdkhttp.HttpClientImplAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return named("sendAsync").and(isPrivate()).and(takesArguments(4));
  }

  @Override
  public void prepare(Instrumentation inst) {
    // advice inlined into java.net.http calls the bridge, which lives in the boot loader's unnamed module
    inst.redefineModule(HttpClient.class.getModule(), Set.of(WardenBridge.class.getModule()),
        Map.of(), Map.of(), Set.of(), Map.of());
  }
}
