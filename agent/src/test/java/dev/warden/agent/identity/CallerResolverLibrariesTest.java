package dev.warden.agent.identity;

import static dev.warden.agent.identity.CallerResolverTest.resolver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.identity.Caller;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Scope;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.ExceptionMethod;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Each library really read, from the loader given, and every way of failing skipped. */
class CallerResolverLibrariesTest {

  private static final ClassLoader APP = CallerResolverLibrariesTest.class.getClassLoader();

  @AfterEach
  void clear() {
    MDC.clear();
    ThreadContext.clearMap();
    SecurityContextHolder.clearContext();
  }

  private static void signIn(String name, String... authorities) {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
        name, "secret", AuthorityUtils.createAuthorityList(authorities)));
  }

  @Test
  void slf4jMdc() {
    MDC.put("user", "alice");
    assertThat(resolver("mdc:user").resolve(APP)).isEqualTo(new Caller("alice", List.of()));
    assertThat(resolver("mdc:other").resolve(APP)).isSameAs(Caller.UNKNOWN);
  }

  @Test
  void log4jThreadContextWhenTheMdcHasNoValue() {
    ThreadContext.put("user", "bob");
    assertThat(resolver("mdc:user").resolve(APP).principal()).isEqualTo("bob");
    MDC.put("user", " ");
    assertThat(resolver("mdc:user").resolve(APP).principal()).isEqualTo("bob");
    MDC.put("user", "alice");
    assertThat(resolver("mdc:user").resolve(APP).principal()).isEqualTo("alice");
  }

  @Test
  void openTelemetryBaggage() {
    CallerResolver resolver = resolver("otel-baggage:enduser.id", "mdc:user");
    MDC.put("user", "alice");
    try (Scope scope = Baggage.current().toBuilder().put("enduser.id", "dave").build().makeCurrent()) {
      assertThat(resolver.resolve(APP).principal()).isEqualTo("dave");
    }
    assertThat(resolver.resolve(APP).principal()).isEqualTo("alice");
  }

  @Test
  void springSecurityNameAndAuthorities() {
    signIn("erin", "ROLE_ADMIN", "ROLE_USER");
    assertThat(resolver("spring-security").resolve(APP))
        .isEqualTo(new Caller("erin", List.of("ROLE_ADMIN", "ROLE_USER")));
  }

  @Test
  void springSecuritySkipsWhoIsNotAuthenticated() {
    CallerResolver resolver = resolver("spring-security", "mdc:user");
    MDC.put("user", "alice");
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("alice", List.of()));
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guess"));
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("alice", List.of()));
    SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken(
        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("alice", List.of()));
  }

  @Test
  void springSecurityAuthoritiesApplyWhenAnEarlierSourceNamesThePrincipal() {
    CallerResolver resolver = resolver("mdc:user", "spring-security", "system-property:never.read");
    MDC.put("user", "alice");
    signIn("alice@example.com", "ROLE_ADMIN");
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("alice", List.of("ROLE_ADMIN")));
    MDC.remove("user");
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("alice@example.com", List.of("ROLE_ADMIN")));
  }

  @Test
  void springSecurityWithoutAUsableNameStillGivesAuthorities() {
    signIn(" ", "ROLE_OPS");
    assertThat(resolver("spring-security").resolve(APP)).isEqualTo(new Caller(null, List.of("ROLE_OPS")));
  }

  @Test
  void aFailingLibraryIsSkippedAndNothingEscapes() {
    SecurityContextHolder.getContext().setAuthentication(new BrokenAuthentication());
    MDC.put("user", "alice");
    CallerResolver resolver = resolver("spring-security", "mdc:user");
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("alice", List.of()));
    assertThat(resolver.resolve(APP)).isEqualTo(new Caller("alice", List.of()));
  }

  @Test
  void theGivenLoadersOwnCopyOfTheLibraryIsRead() throws Exception {
    try (URLClassLoader isolated = slf4jWithLogback()) {
      Class<?> isolatedMdc = Class.forName("org.slf4j.MDC", true, isolated);
      assertThat(isolatedMdc).isNotSameAs(MDC.class);
      CallerResolver resolver = resolver("mdc:user");
      MDC.put("user", "alice");
      assertThat(resolver.resolve(isolated)).isSameAs(Caller.UNKNOWN);
      isolatedMdc.getMethod("put", String.class, String.class).invoke(null, "user", "frank");
      try {
        assertThat(resolver.resolve(isolated).principal()).isEqualTo("frank");
        assertThat(resolver.resolve(APP).principal()).isEqualTo("alice");
      } finally {
        isolatedMdc.getMethod("clear").invoke(null);
      }
    }
  }

  @Test
  void aLibraryWithoutTheExpectedMethodIsSkipped(@TempDir Path dir) throws Exception {
    ClassLoader fake = new ByteBuddy().subclass(Object.class).name("org.slf4j.MDC").make()
        .load(withSlf4jProviderFile(dir), ClassLoadingStrategy.Default.WRAPPER).getLoaded().getClassLoader();
    System.setProperty("warden.test.principal", "carol");
    try {
      assertThat(resolver("mdc:user", "system-property:warden.test.principal").resolve(fake).principal())
          .isEqualTo("carol");
    } finally {
      System.clearProperty("warden.test.principal");
    }
    assertThat(ContextMapReader.BOUND.get(Class.forName("org.slf4j.MDC", false, fake))).isNull();
  }

  @Test
  void aLibraryThatThrowsIsSkipped(@TempDir Path dir) throws Exception {
    Class<?> throwingMdc = new ByteBuddy().subclass(Object.class).name("org.slf4j.MDC")
        .defineMethod("get", String.class, Visibility.PUBLIC, Ownership.STATIC).withParameters(String.class)
        .intercept(ExceptionMethod.throwing(IllegalStateException.class))
        .make().load(withSlf4jProviderFile(dir), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
    CallerResolver resolver = resolver("mdc:user", "thread-name:^(.+)$");
    for (int i = 0; i < 3; i++) {
      assertThat(resolver.resolve(throwingMdc.getClassLoader()).principal()).isEqualTo(Thread.currentThread().getName());
    }
    assertThat(ContextMapReader.BOUND.get(throwingMdc)).isNotNull();
  }

  /** A loader that shows an SLF4J provider declaration, and no class. */
  private static ClassLoader withSlf4jProviderFile(Path dir) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve("org.slf4j.spi.SLF4JServiceProvider"), "");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  @Test
  void aLoaderOnceReadCanStillBeCollected() throws Exception {
    URLClassLoader isolated = slf4jWithLogback();
    CallerResolver resolver = resolver("mdc:user", "spring-security");
    isolated.loadClass("org.slf4j.MDC").getMethod("get", String.class).invoke(null, "user");
    assertThat(resolver.resolve(isolated)).isSameAs(Caller.UNKNOWN);
    WeakReference<ClassLoader> collected = new WeakReference<>(isolated);
    isolated.close();
    isolated = null;
    for (int i = 0; i < 50 && collected.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(collected.get()).as("the isolated loader is collected").isNull();
  }

  @Test
  void eachThreadSeesItsOwnCaller() throws Exception {
    CallerResolver resolver = resolver("mdc:user", "spring-security");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String name = "user-" + t;
        results.add(pool.submit(() -> {
          boolean ok = true;
          for (int i = 0; i < 500; i++) {
            MDC.put("user", name);
            signIn(name + "@example.com", "ROLE_" + name);
            ok &= resolver.resolve(APP).equals(new Caller(name, List.of("ROLE_" + name)));
            MDC.clear();
            SecurityContextHolder.clearContext();
          }
          return ok;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLoggingApiWithoutABackendIsSkippedUntouched() throws Exception {
    try (RecordingLoader apiOnly = new RecordingLoader(jarOf(MDC.class), jarOf(ThreadContext.class))) {
      assertThat(resolver("mdc:user").resolve(apiOnly)).isSameAs(Caller.UNKNOWN);
      // had Warden called MDC.get, SLF4J would have initialised and printed its no-provider warning
      assertThat(apiOnly.asked).doesNotContain("org.slf4j.MDC", "org.apache.logging.log4j.ThreadContext");
    }
  }

  /** SLF4J and Logback in a loader of their own, apart from the test's copy. */
  private static URLClassLoader slf4jWithLogback() {
    return new URLClassLoader(new URL[] {
        jarOf(MDC.class), jarOf(ch.qos.logback.classic.Logger.class), jarOf(ch.qos.logback.core.Appender.class)},
        ClassLoader.getPlatformClassLoader());
  }

  private static URL jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** Records the names of the classes it is asked for. */
  private static final class RecordingLoader extends URLClassLoader {
    final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    RecordingLoader(URL... jars) {
      super(jars, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.add(name);
      return super.loadClass(name, resolve);
    }
  }

  /** Authenticated, but whose authorities cannot be read. */
  private static final class BrokenAuthentication extends AbstractAuthenticationToken {
    BrokenAuthentication() {
      super(null);
      setAuthenticated(true);
    }

    @Override
    public Collection<GrantedAuthority> getAuthorities() {
      throw new IllegalStateException("session expired");
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return "mallory";
    }
  }
}
