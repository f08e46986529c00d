package dev.warden.agent.identity;

import dev.warden.agent.WardenLog;
import dev.warden.agent.app.ReadFailures;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the application's current OpenTelemetry baggage: {@code Baggage.current().getEntryValue(key)}
 * on the application's own OpenTelemetry API (bridged to the OpenTelemetry Java agent's context when
 * that agent runs). One instance per {@code Baggage} class, bound through {@link #BOUND}. Thread-safe.
 */
final class BaggageReader {

  /** The reader of each {@code io.opentelemetry.api.baggage.Baggage} class; null when it cannot be bound. */
  static final ClassValue<BaggageReader> BOUND = new ClassValue<>() {
    @Override
    protected BaggageReader computeValue(Class<?> baggage) {
      try {
        return new BaggageReader(baggage.getMethod("current"), baggage.getMethod("getEntryValue", String.class));
      } catch (Throwable t) {
        WardenLog.debug("identity: cannot bind " + baggage.getName() + " (" + t.getClass().getName()
            + "); otel-baggage sources are skipped");
        return null;
      }
    }
  };

  private final Method current;
  private final Method getEntryValue;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  private BaggageReader(Method current, Method getEntryValue) {
    this.current = current;
    this.getEntryValue = getEntryValue;
  }

  /** The current baggage's value under {@code key}; null when there is none or reading failed. */
  String entry(String key) {
    try {
      Object baggage = current.invoke(null);
      return baggage == null ? null : (String) getEntryValue.invoke(baggage, key);
    } catch (Throwable t) {
      ReadFailures.logOnce(failureLogged, "OpenTelemetry baggage", t);
      return null;
    }
  }
}
