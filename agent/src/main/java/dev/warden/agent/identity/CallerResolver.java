package dev.warden.agent.identity;

import dev.warden.agent.app.AppLibraries.Library;
import dev.warden.agent.app.AppLibraries;
import dev.warden.agent.app.ReadFailures;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.identity.IdentitySource.Kind;
import dev.warden.policies.identity.IdentitySource;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds who is making a call, on the calling thread, from the policy's {@code identity.sources}.
 *
 * <p>The principal comes from the first source, in policy order, that yields a value that is not
 * blank (stripped of surrounding whitespace); the sources after it are not read. The authorities come
 * from {@code spring-security} whenever it is one of the sources and the thread has an authenticated
 * user, even when an earlier source gave the principal, so that roles mapped to authorities
 * ({@code ROLE_ADMIN}) apply when the principal comes from, say, the MDC. Should the two disagree
 * about who the user is, the roles of both names apply.
 *
 * <p>Libraries are read through reflection on the application's class loader, never linked: a
 * library the loader does not see skips its sources (said once at debug level), and so does any
 * failure while reading one. {@code mdc:KEY} reads SLF4J's MDC and, when SLF4J is absent or has no
 * value, Log4j2's {@code ThreadContext}.
 *
 * <p>Immutable and thread-safe; {@link #resolve} never throws and never logs a value it read.
 */
public final class CallerResolver {

  private static final AtomicBoolean JDK_FAILURE_LOGGED = new AtomicBoolean();

  private final IdentitySource[] sources;
  /** The index of the last spring-security source, or -1: reading goes on up to it for authorities. */
  private final int lastSpringSecurity;
  private final boolean readsLibraries;

  /**
   * @param sources parsed {@code identity.sources}, in policy order; copied; empty resolves everyone
   *     to {@link Caller#UNKNOWN}
   * @throws NullPointerException when the list or one of its sources is null
   */
  public CallerResolver(List<IdentitySource> sources) {
    this.sources = sources.toArray(new IdentitySource[0]);
    int lastSpring = -1;
    boolean libraries = false;
    for (int i = 0; i < this.sources.length; i++) {
      Kind kind = this.sources[i].kind();
      if (kind == Kind.SPRING_SECURITY) {
        lastSpring = i;
      }
      libraries |= kind == Kind.SPRING_SECURITY || kind == Kind.MDC || kind == Kind.OTEL_BAGGAGE;
    }
    this.lastSpringSecurity = lastSpring;
    this.readsLibraries = libraries;
  }

  /**
   * Reads the sources on the calling thread.
   *
   * @param appLoader the class loader through which the application sees its libraries (in a Spring
   *     Boot fat jar, Boot's loader); null to use the thread's context class loader. When both are
   *     null, the library sources are skipped
   * @return never null; {@link Caller#UNKNOWN} when no source yielded anything
   */
  public Caller resolve(ClassLoader appLoader) {
    ClassLoader loader = appLoader != null ? appLoader : Thread.currentThread().getContextClassLoader();
    AppLibraries libraries = readsLibraries && loader != null ? AppLibraries.of(loader) : null;
    String principal = null;
    List<String> authorities = List.of();
    for (int i = 0; i < sources.length && (principal == null || i <= lastSpringSecurity); i++) {
      IdentitySource source = sources[i];
      if (source.kind() == Kind.SPRING_SECURITY) {
        Caller user = authenticatedUser(libraries, loader);
        if (user != null) {
          authorities = user.authorities();
          principal = principal != null ? principal : user.principal();
        }
      } else if (principal == null) {
        principal = principalOrNull(read(source, libraries, loader));
      }
    }
    return principal == null && authorities.isEmpty() ? Caller.UNKNOWN : new Caller(principal, authorities);
  }

  private static String read(IdentitySource source, AppLibraries libraries, ClassLoader loader) {
    switch (source.kind()) {
      case MDC: return mdc(source.argument(), libraries, loader);
      case OTEL_BAGGAGE: return baggage(source.argument(), libraries, loader);
      default: return fromJdk(source);
    }
  }

  private static String mdc(String key, AppLibraries libraries, ClassLoader loader) {
    if (libraries == null) {
      return null;
    }
    String value = contextMap(libraries.entryClass(Library.SLF4J_MDC, loader), key);
    return principalOrNull(value) != null
        ? value
        : contextMap(libraries.entryClass(Library.LOG4J_THREAD_CONTEXT, loader), key);
  }

  private static String contextMap(Class<?> type, String key) {
    ContextMapReader reader = type == null ? null : ContextMapReader.BOUND.get(type);
    return reader == null ? null : reader.get(key);
  }

  private static String baggage(String key, AppLibraries libraries, ClassLoader loader) {
    Class<?> type = libraries == null ? null : libraries.entryClass(Library.OTEL_BAGGAGE, loader);
    BaggageReader reader = type == null ? null : BaggageReader.BOUND.get(type);
    return reader == null ? null : reader.entry(key);
  }

  private static Caller authenticatedUser(AppLibraries libraries, ClassLoader loader) {
    Class<?> type = libraries == null ? null : libraries.entryClass(Library.SPRING_SECURITY, loader);
    SpringSecurityReader reader = type == null ? null : SpringSecurityReader.BOUND.get(type);
    return reader == null ? null : reader.authenticatedUser();
  }

  private static String fromJdk(IdentitySource source) {
    try {
      switch (source.kind()) {
        case SYSTEM_PROPERTY: return System.getProperty(source.argument());
        case ENV: return System.getenv(source.argument());
        case THREAD_NAME: return source.principalFromThreadName(Thread.currentThread().getName());
        default: throw new IllegalStateException("not a JDK source: " + source.kind());
      }
    } catch (Throwable t) {
      ReadFailures.logOnce(JDK_FAILURE_LOGGED, source.kind().spec(), t);
      return null;
    }
  }

  /** Longer is not a user name: it would bloat spans, audit records and per-principal counters. */
  static final int MAX_PRINCIPAL_LENGTH = 256;

  /** {@code value} stripped, or null when it is null, blank or longer than {@link #MAX_PRINCIPAL_LENGTH}. */
  static String principalOrNull(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String principal = value.strip();
    return principal.length() > MAX_PRINCIPAL_LENGTH ? null : principal;
  }
}
