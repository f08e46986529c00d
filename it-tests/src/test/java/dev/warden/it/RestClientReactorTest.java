package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.RestClientDriver;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An OpenAI-compatible call made with Spring's RestClient on Reactor Netty: the
 * {@code ReactorClientHttpRequestFactory#createRequest} hook, plain calls and event streams read
 * as they arrive.
 */
class RestClientReactorTest extends OpenAiJavaTest {

  @Override
  Class<?> driver() {
    return RestClientDriver.class;
  }

  /** RestClient's exception for a 403: {@code HttpClientErrorException.Forbidden}. */
  @Override
  String expectedException() {
    return "Forbidden";
  }

  @Test
  @Order(0)
  void runsOnReactorNettyAndIsInstrumented() {
    app.awaitStderr(Pattern.compile("^driver: ReactorClientHttpRequestFactory"), 0, Duration.ofSeconds(10));
    assertThat(app.stderr()).doesNotContain("could not instrument").doesNotContain("internal error")
        .doesNotContain("are not checked");
  }
}
