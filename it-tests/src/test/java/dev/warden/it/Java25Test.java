package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.harness.ItSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The openai-java scenario on the Java 25 JDK; fails, never skips, when that JDK is missing. */
class Java25Test extends OpenAiJavaTest {

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
