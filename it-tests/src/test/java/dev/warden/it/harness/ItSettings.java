package dev.warden.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files these tests run against, named by system properties that it-tests/pom.xml sets. */
public final class ItSettings {

  private ItSettings() {}

  /** The built agent jar; fails when it has not been built, since every end-to-end test needs it. */
  public static Path agentJar() {
    return existing("warden.agent.jar", "build it first: ./mvnw -B install -DskipTests");
  }

  /** The Spring Boot fat jar of the demo application. */
  public static Path demoJar() {
    return existing("warden.demo.jar", "build it first: ./mvnw -B install -DskipTests");
  }

  /** The openai-java driver packaged as a Spring Boot fat jar. */
  public static Path bootAppJar() {
    return existing("warden.bootapp.jar", "build it first: ./mvnw -B install -DskipTests");
  }

  /** The Spring Boot 4 / Spring AI 2 web application's fat jar (module it-tests/spring-ai2-app). */
  public static Path springAi2AppJar() {
    return existing("warden.springai2.jar", "build it first: ./mvnw -B install -DskipTests");
  }

  /** HttpClient 5.4 and its HttpCore jars, which the it-tests' pom copies, off the tests' class path. */
  public static Path httpClient54Lib() {
    return existing("warden.httpclient54.lib", "the it-tests' pom copies them: ./mvnw -B -pl it-tests -am verify");
  }

  /** The Spring AI 1.1 web application as a Spring Boot fat jar, without HttpClient 5. */
  public static Path springAiAppJar() {
    return existing("warden.springai.jar", "build it first: ./mvnw -B -pl it-tests -am verify");
  }

  /** The same application with spring-boot-starter-webflux (Reactor Netty) on its class path. */
  public static Path springAiWebFluxAppJar() {
    return existing("warden.springai.webflux.jar", "build it first: ./mvnw -B -pl it-tests -am verify");
  }

  /** The same application with HttpClient 5 on its class path. */
  public static Path springAiHttpClient5AppJar() {
    return existing("warden.springai.hc5.jar", "build it first: ./mvnw -B -pl it-tests -am verify");
  }

  /** The local Maven repository the build resolved its dependencies from. */
  public static Path mavenRepository() {
    return existing("warden.m2.repository", "the it-tests' pom sets it to Maven's local repository");
  }

  /** The demo's shipped policy. */
  public static Path demoPolicy() {
    return existing("warden.demo.policy", "it ships with the demo module");
  }

  /** The bad-policy corpus: broken policy files and their {@code expected.txt}, kept with the policies module's tests. */
  public static Path badPolicies() {
    return existing("warden.badpolicies", "it ships with the policies module's test resources");
  }

  /** The OpenTelemetry Java agent from Maven Central, which the it-tests' pom copies. */
  public static Path otelJavaAgent() {
    return existing("warden.otel.javaagent", "the it-tests' pom copies it: ./mvnw -B -pl it-tests -am verify");
  }

  /** Apache SkyWalking OAP's jars, which the it-tests/skywalking-oap module copies from Maven Central. */
  public static Path skyWalkingLib() {
    return existing("warden.skywalking.lib", "it is filled by the skywalking-oap module: ./mvnw -B -pl it-tests -am verify");
  }

  /** The OAP configuration folder, a test resource. */
  public static Path skyWalkingConfig() {
    return existing("warden.skywalking.config", "it ships with the it-tests' resources");
  }

  /** Where each OAP server started by a test writes its output; created when missing. */
  public static Path skyWalkingLogs() {
    String value = System.getProperty("warden.skywalking.logs");
    if (value == null || value.isBlank()) {
      throw new AssertionError("system property warden.skywalking.logs is not set (run through Maven: ./mvnw -pl it-tests verify)");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  /** The Java 25 JDK; fails (never skips) when it is missing. */
  public static Path java25Home() {
    Path home = existing("warden.java25.home", "install a Java 25 JDK there or set -Dwarden.java25.home");
    if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
      throw new AssertionError("no bin/java in warden.java25.home " + home);
    }
    return home;
  }

  /** The JDK running the tests, for JVMs that need no particular version. */
  public static Path currentJavaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  private static Path existing(String property, String hint) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new AssertionError("system property " + property + " is not set (run through Maven: ./mvnw -pl it-tests verify)");
    }
    Path path = Path.of(value).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new AssertionError(property + " = " + path + " does not exist; " + hint);
    }
    return path;
  }
}
