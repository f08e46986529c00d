package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.WebClientDriver;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An OpenAI-compatible call made with Spring's WebClient on Reactor Netty, as a WebFlux
 * application makes it: the {@code ReactorClientHttpConnector#connect} hook, plain calls and
 * server-sent event streams.
 */
class WebClientTest extends OpenAiJavaTest {

  @Override
  Class<?> driver() {
    return WebClientDriver.class;
  }

  /** WebClient's exception for a 403: {@code WebClientResponseException.Forbidden}. */
  @Override
  String expectedException() {
    return "Forbidden";
  }

  @Test
  @Order(0)
  void runsOnReactorNettyAndIsInstrumented() {
    app.awaitStderr(Pattern.compile("^driver: ReactorClientHttpConnector"), 0, Duration.ofSeconds(10));
    assertThat(app.stderr()).doesNotContain("could not instrument").doesNotContain("internal error")
        .doesNotContain("are not checked");
  }
}
