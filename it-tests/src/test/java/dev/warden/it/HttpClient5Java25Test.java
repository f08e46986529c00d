package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.harness.ItSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The Apache HttpClient 5 application on the Java 25 JDK; fails, never skips, when that JDK is missing. */
class HttpClient5Java25Test extends HttpClient5Test {

  @Override
  Path javaHome() {
    return ItSettings.java25Home();
  }

  @Test
  @Order(0)
  void applicationRunsOnJava25() {
    assertThat(app.send("version")).isEqualTo("25");
  }
}
