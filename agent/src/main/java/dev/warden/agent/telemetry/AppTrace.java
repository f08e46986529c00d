package dev.warden.agent.telemetry;

import dev.warden.agent.WardenLog;
import dev.warden.agent.app.AppLibraries;
import dev.warden.agent.app.ReadFailures;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The application's current span, read through the application's own OpenTelemetry API
 * ({@code Span.current().getSpanContext()}, by reflection on its class loader) so that Warden's
 * span joins its trace: with the OpenTelemetry Java agent that API is bridged to the agent's
 * context; with the SDK alone it is the SDK's. Never throws. Thread-safe.
 */
final class AppTrace {

  private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

  /** The methods of each application {@code Span} class; null when they cannot be bound. */
  private static final ClassValue<Methods> BOUND = new ClassValue<>() {
    @Override
    protected Methods computeValue(Class<?> span) {
      try {
        Method current = span.getMethod("current");
        Method spanContext = span.getMethod("getSpanContext");
        Class<?> contextType = spanContext.getReturnType();
        Method flags = contextType.getMethod("getTraceFlags");
        return new Methods(current, spanContext, contextType.getMethod("isValid"), contextType.getMethod("getTraceId"),
            contextType.getMethod("getSpanId"), flags, flags.getReturnType().getMethod("asByte"));
      } catch (Throwable t) {
        WardenLog.debug("tracing: cannot bind the application's " + span.getName() + " (" + t.getClass().getName()
            + "); Warden's spans start their own traces");
        return null;
      }
    }
  };

  private record Methods(Method current, Method spanContext, Method isValid, Method traceId, Method spanId,
      Method traceFlags, Method asByte) {}

  private AppTrace() {}

  /**
   * The current span of the calling thread as the application sees it, or null when there is none
   * (or the application has no OpenTelemetry API).
   *
   * @param appLoader the application's class loader; null for the thread's context class loader
   */
  static SpanContext current(ClassLoader appLoader) {
    ClassLoader loader = appLoader != null ? appLoader : Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      return null;
    }
    Class<?> span = AppLibraries.of(loader).entryClass(AppLibraries.Library.OTEL_SPAN, loader);
    Methods methods = span == null ? null : BOUND.get(span);
    if (methods == null) {
      return null;
    }
    try {
      Object context = methods.spanContext().invoke(methods.current().invoke(null));
      if (!(Boolean) methods.isValid().invoke(context)) {
        return null;
      }
      byte flags = (Byte) methods.asByte().invoke(methods.traceFlags().invoke(context));
      return SpanContext.createFromRemoteParent((String) methods.traceId().invoke(context),
          (String) methods.spanId().invoke(context), TraceFlags.fromByte(flags), TraceState.getDefault());
    } catch (Throwable t) {
      ReadFailures.logOnce(FAILURE_LOGGED, "the application's current span", t);
      return null;
    }
  }
}
