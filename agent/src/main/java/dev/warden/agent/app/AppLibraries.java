package dev.warden.agent.app;

import dev.warden.agent.WardenLog;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The application's libraries that Warden reads (identity sources, the current trace), as one
 * application class loader sees them: for each
 * {@link Library}, its entry class or the fact that it is absent. Each library is looked up on first
 * need only, with {@code Class.forName(name, false, loader)} (no class initialisation), and the
 * answer is kept, so an absent library costs one {@link ClassNotFoundException} per loader, not one
 * per call.
 *
 * <p>Classes are held weakly, and the per-loader table is weak-keyed: Warden never keeps an
 * application class loader alive (a redeployed web application can be collected). The readers bound
 * to a class live in that class's {@link ClassValue}s, for the same reason.
 *
 * <p>Thread-safe. Lookups may race, and then the same answer is computed twice; {@link #of} takes a
 * lock only when the calling thread's loader is not the one seen last.
 */
public final class AppLibraries {

  /**
   * A library that a source reads, named by a class that every supported version has. A logging API
   * also needs a backend: without one its context map keeps nothing, and touching it prints the
   * API's no-provider warning into the application's output, so it counts as absent.
   */
  public enum Library {
    OTEL_BAGGAGE(OTEL_API + "baggage.Baggage", "the OpenTelemetry API"),
    OTEL_SPAN(OTEL_API + "trace.Span", "the OpenTelemetry API"),
    SLF4J_MDC(SLF4J + ".MDC", "SLF4J with a provider",
        // SLF4J 2 providers; SLF4J 1.7 bindings
        "META-INF/services/" + SLF4J + ".spi.SLF4JServiceProvider", SLF4J.replace('.', '/') + "/impl/StaticMDCBinder.class"),
    LOG4J_THREAD_CONTEXT("org.apache.logging.log4j.ThreadContext", "the Log4j2 API with a provider",
        // Log4j 2.x providers, declared either way
        "META-INF/services/org.apache.logging.log4j.spi.Provider", "META-INF/log4j-provider.properties"),
    SPRING_SECURITY("org.springframework.security.core.context.SecurityContextHolder", "Spring Security");

    final String entryClass;
    final String title;
    /** Resources of which one must be visible too; none when the entry class is enough. */
    final String[] backends;

    Library(String entryClass, String title, String... backends) {
      this.entryClass = entryClass;
      this.title = title;
      this.backends = backends;
    }
  }

  /**
   * The application's {@code io.opentelemetry.api.} and {@code org.slf4j}, built at run time: the
   * agent's shading relocates these names in every literal (its own copies live elsewhere).
   */
  private static final String OTEL_API = String.join(".", "io", "opentelemetry", "api", "");
  private static final String SLF4J = String.join(".", "org", "slf4j");

  private static final WeakReference<Class<?>> ABSENT = new WeakReference<>(null);
  private static final Map<ClassLoader, AppLibraries> BY_LOADER = new WeakHashMap<>();
  private static volatile LastSeen lastSeen;

  /** Per {@link Library#ordinal()}: null before the first lookup, then the class or {@link #ABSENT}. */
  private final AtomicReferenceArray<WeakReference<Class<?>>> entryClasses =
      new AtomicReferenceArray<>(Library.values().length);

  private AppLibraries() {}

  /** The libraries of {@code loader}; the same instance for as long as the loader lives. */
  public static AppLibraries of(ClassLoader loader) {
    LastSeen last = lastSeen;
    if (last != null && last.loader.get() == loader) {
      return last.libraries;
    }
    AppLibraries libraries;
    synchronized (BY_LOADER) {
      libraries = BY_LOADER.computeIfAbsent(loader, l -> new AppLibraries());
    }
    lastSeen = new LastSeen(new WeakReference<>(loader), libraries);
    return libraries;
  }

  /**
   * The entry class of {@code library} as {@code loader} (the one this instance belongs to) finds
   * it, or null when it is absent there.
   */
  public Class<?> entryClass(Library library, ClassLoader loader) {
    WeakReference<Class<?>> known = entryClasses.get(library.ordinal());
    if (known == null) {
      known = lookUp(library, loader);
      entryClasses.set(library.ordinal(), known);
    }
    return known.get();
  }

  private static WeakReference<Class<?>> lookUp(Library library, ClassLoader loader) {
    try {
      if (hasBackend(library, loader)) {
        return new WeakReference<>(Class.forName(library.entryClass, false, loader));
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // absent: said below
    }
    WardenLog.debug(library.title + " is not visible from " + describe(loader) + "; what reads it is skipped");
    return ABSENT;
  }

  private static boolean hasBackend(Library library, ClassLoader loader) {
    if (library.backends.length == 0) {
      return true;
    }
    for (String resource : library.backends) {
      if (loader.getResource(resource) != null) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ClassLoader loader) {
    String name = loader.getName();
    return "class loader " + loader.getClass().getName() + '@' + Integer.toHexString(System.identityHashCode(loader))
        + (name == null ? "" : " '" + name + "'");
  }

  /** The loader seen last and its libraries; the loader held weakly, the libraries hold no class strongly. */
  private static final class LastSeen {
    final WeakReference<ClassLoader> loader;
    final AppLibraries libraries;

    LastSeen(WeakReference<ClassLoader> loader, AppLibraries libraries) {
      this.loader = loader;
      this.libraries = libraries;
    }
  }
}
