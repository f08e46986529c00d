package dev.warden.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.identity.Caller;
import dev.warden.policies.identity.IdentitySource;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Order of the sources, the JDK sources, and which class loader is read. */
class CallerResolverTest {

  private static final String PROPERTY = "warden.test.principal";
  private static final String UNSET_ENV = "WARDEN_TEST_SURELY_UNSET_7f3a";
  private static final ClassLoader NO_LIBRARIES = new URLClassLoader(new URL[0], null);
  private static final ClassLoader APP = CallerResolverTest.class.getClassLoader();

  static CallerResolver resolver(String... specs) {
    return new CallerResolver(Arrays.stream(specs).map(IdentitySource::parse).toList());
  }

  static <T> T onThread(String name, Supplier<T> task) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    Thread thread = new Thread(() -> result.set(task.get()), name);
    thread.start();
    thread.join();
    return result.get();
  }

  @AfterEach
  void clear() {
    System.clearProperty(PROPERTY);
    MDC.clear();
  }

  @Test
  void noSourcesNoCaller() {
    assertThat(new CallerResolver(List.of()).resolve(APP)).isSameAs(Caller.UNKNOWN);
  }

  @Test
  void theFirstSourceWithAValueWins() {
    CallerResolver resolver = resolver("env:" + UNSET_ENV, "mdc:user", "system-property:" + PROPERTY, "env:HOME");
    assertThat(resolver.resolve(APP).principal()).isEqualTo(System.getenv("HOME").strip());
    System.setProperty(PROPERTY, "carol");
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("carol", List.of()));
    MDC.put("user", "alice");
    assertThat(resolver.resolve(APP).principal()).isEqualTo("alice");
  }

  @Test
  void blankValuesAreSkippedAndValuesStripped() {
    CallerResolver resolver = resolver("mdc:user", "system-property:" + PROPERTY);
    MDC.put("user", " \t");
    System.setProperty(PROPERTY, "  carol\n");
    assertThat(resolver.resolve(APP).principal()).isEqualTo("carol");
    System.setProperty(PROPERTY, "");
    assertThat(resolver.resolve(APP)).isSameAs(Caller.UNKNOWN);
  }

  @Test
  void aValueTooLongForAUserNameIsNoPrincipal() {
    CallerResolver resolver = resolver("mdc:user", "system-property:" + PROPERTY);
    System.setProperty(PROPERTY, "carol");
    MDC.put("user", "x".repeat(CallerResolver.MAX_PRINCIPAL_LENGTH + 1));
    assertThat(resolver.resolve(APP).principal()).isEqualTo("carol");
    MDC.put("user", "x".repeat(CallerResolver.MAX_PRINCIPAL_LENGTH));
    assertThat(resolver.resolve(APP).principal()).hasSize(CallerResolver.MAX_PRINCIPAL_LENGTH);
  }

  @Test
  void environmentVariables() {
    assertThat(resolver("env:" + UNSET_ENV).resolve(APP)).isSameAs(Caller.UNKNOWN);
    assertThat(resolver("env:HOME").resolve(APP).principal()).isEqualTo(System.getenv("HOME").strip());
  }

  @Test
  void threadNames() throws InterruptedException {
    CallerResolver resolver = resolver("thread-name:worker-(\\w+)", "system-property:" + PROPERTY);
    assertThat(onThread("pool-1 worker-dave", () -> resolver.resolve(APP).principal())).isEqualTo("dave");
    System.setProperty(PROPERTY, "carol");
    assertThat(onThread("main-loop", () -> resolver.resolve(APP).principal())).isEqualTo("carol");
    CallerResolver whole = resolver("thread-name:user-\\d+");
    assertThat(onThread("exec user-42", () -> whole.resolve(APP).principal())).isEqualTo("user-42");
  }

  @Test
  void aLoaderWithoutTheLibrariesSkipsTheirSources() {
    CallerResolver resolver = resolver("otel-baggage:enduser.id", "mdc:user", "spring-security", "system-property:" + PROPERTY);
    MDC.put("user", "alice");
    assertThat(resolver.resolve(NO_LIBRARIES)).isSameAs(Caller.UNKNOWN);
    System.setProperty(PROPERTY, "carol");
    assertThat(resolver.resolve(NO_LIBRARIES).principal()).isEqualTo("carol");
    // the same resolver still reads the libraries of a loader that has them
    assertThat(resolver.resolve(APP).principal()).isEqualTo("alice");
  }

  @Test
  void withoutALoaderTheContextClassLoaderIsRead() {
    CallerResolver resolver = resolver("mdc:user", "system-property:" + PROPERTY);
    MDC.put("user", "alice");
    System.setProperty(PROPERTY, "carol");
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    try {
      thread.setContextClassLoader(APP);
      assertThat(resolver.resolve(null).principal()).isEqualTo("alice");
      thread.setContextClassLoader(NO_LIBRARIES);
      assertThat(resolver.resolve(null).principal()).isEqualTo("carol");
      thread.setContextClassLoader(null);
      assertThat(resolver.resolve(null).principal()).isEqualTo("carol");
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  @Test
  void theSourcesAreCopied() {
    List<IdentitySource> sources = new java.util.ArrayList<>(List.of(IdentitySource.parse("system-property:" + PROPERTY)));
    CallerResolver resolver = new CallerResolver(sources);
    sources.set(0, IdentitySource.parse("env:HOME"));
    assertThat(resolver.resolve(APP)).isSameAs(Caller.UNKNOWN);
  }
}
