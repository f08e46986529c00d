package dev.warden.agent;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.warden.agent.jdkhttp.JdkHttpInstrumentation;
import dev.warden.agent.okhttp.OkHttpInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Installs every transport hook with one Byte Buddy agent builder. */
final class Hooks {

  private Hooks() {}

  static void install(Instrumentation inst, ClassLoader agentLoader) {
    // Warden never injects classes, so Byte Buddy need not probe sun.misc.Unsafe (which Java 24+
    // warns about on the application's stderr); the property name is relocated with Byte Buddy
    System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
    AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
    AgentBuilder builder = new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(new FailureLog())
        // unlike the default, do not ignore the JDK: java.net.http is one of our targets
        .ignore(nameStartsWith("dev.warden."));
    builder = OkHttpInstrumentation.apply(builder, advice);
    builder = JdkHttpInstrumentation.apply(builder, advice, inst);
    builder.installOn(inst);
  }

  /** Logs each type that could not be instrumented, once: the call path then runs unguarded. */
  private static final class FailureLog extends AgentBuilder.Listener.Adapter {
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      if (reported.add(typeName)) {
        WardenLog.error("could not instrument " + typeName + " (" + error + ")");
      }
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
        DynamicType dynamicType) {
      WardenLog.debug("instrumented " + type.getName());
    }
  }
}
