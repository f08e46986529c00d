package dev.warden.agent.identity;

import dev.warden.agent.WardenLog;
import dev.warden.agent.app.ReadFailures;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a logging library's per-thread context map through its static {@code get(String)}: SLF4J's
 * {@code MDC} (which Logback and Log4j2's SLF4J binding back) or Log4j2's {@code ThreadContext}.
 * One instance per such class, bound through {@link #BOUND}. Thread-safe.
 */
final class ContextMapReader {

  /** The reader of each context map class; null for a class without a usable {@code get(String)}. */
  static final ClassValue<ContextMapReader> BOUND = new ClassValue<>() {
    @Override
    protected ContextMapReader computeValue(Class<?> type) {
      return bind(type);
    }
  };

  private final Method get;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  private ContextMapReader(Method get) {
    this.get = get;
  }

  private static ContextMapReader bind(Class<?> type) {
    try {
      Method get = type.getMethod("get", String.class);
      if (Modifier.isStatic(get.getModifiers()) && get.getReturnType() == String.class) {
        return new ContextMapReader(get);
      }
      WardenLog.debug("identity: " + type.getName() + ".get(String) is not a static String method; mdc sources skip it");
    } catch (Throwable t) {
      WardenLog.debug("identity: cannot bind " + type.getName() + ".get(String) (" + t.getClass().getName()
          + "); mdc sources skip it");
    }
    return null;
  }

  /** The value under {@code key} on the calling thread; null when there is none or reading failed. */
  String get(String key) {
    try {
      return (String) get.invoke(null, key);
    } catch (Throwable t) {
      ReadFailures.logOnce(failureLogged, get.getDeclaringClass().getName(), t);
      return null;
    }
  }
}
