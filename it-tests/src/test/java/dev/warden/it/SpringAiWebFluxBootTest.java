package dev.warden.it;

import dev.warden.it.harness.ItSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The app with spring-boot-starter-webflux added: Boot gives the WebClient Reactor Netty, so
 * Spring AI's streams go through the {@code ReactorClientHttpConnector} hook. Its RestClient gets
 * Reactor Netty too ({@code ReactorClientHttpRequestFactory}), which Warden does not hook yet: plain
 * calls are not exercised here.
 */
class SpringAiWebFluxBootTest extends SpringAiBootTest {

  @Override
  Path appJar() {
    return ItSettings.springAiWebFluxAppJar();
  }

  @Override
  String expectedTransports() {
    return "openai.rest=ReactorClientHttpRequestFactory openai.web=ReactorClientHttpConnector"
        + " anthropic.rest=ReactorClientHttpRequestFactory anthropic.web=ReactorClientHttpConnector";
  }

  @Override
  String instrumentedHttpClient5() {
    return null;
  }

  @Override
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"openai, stream", "anthropic, stream"})
  @Order(1)
  void allowedCallPassesUnchanged(String api, String call) throws Exception {
    super.allowedCallPassesUnchanged(api, call);
  }

  @Override
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"openai, stream", "anthropic, stream"})
  @Order(2)
  void pseudonymizedAddressNeverLeavesAndComesBackToTheApplication(String api, String call) throws Exception {
    super.pseudonymizedAddressNeverLeavesAndComesBackToTheApplication(api, call);
  }

  @Override
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"openai, stream", "anthropic, stream"})
  @Order(3)
  void disallowedModelFailsAsSpringAiFailsAndNothingLeaves(String api, String call) throws Exception {
    super.disallowedModelFailsAsSpringAiFailsAndNothingLeaves(api, call);
  }

  @Override
  String instrumentedTransport() {
    return "org.springframework.http.client.reactive.ReactorClientHttpConnector";
  }
}
