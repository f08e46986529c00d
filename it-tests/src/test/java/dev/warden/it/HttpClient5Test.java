package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.HttpClient5Driver;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An OpenAI-compatible call made directly with Apache HttpClient 5 (the newest line, on the test
 * class path): the classic client's {@code doExecute} hook, the default and the minimal client.
 */
class HttpClient5Test extends OpenAiJavaTest {

  @Override
  Class<?> driver() {
    return HttpClient5Driver.class;
  }

  /** The driver's own exception for an HTTP error answer. */
  @Override
  String expectedException() {
    return "OpenAiError";
  }

  /** The httpclient5 jar the application runs. */
  String expectedJar() {
    return "httpclient5-5.6";
  }

  @Test
  @Order(0)
  void runsTheExpectedHttpClient() {
    app.awaitStderr(Pattern.compile("^driver: " + Pattern.quote(expectedJar())), 0, Duration.ofSeconds(10));
    assertThat(app.stderr()).doesNotContain("could not instrument").doesNotContain("internal error");
  }
}
