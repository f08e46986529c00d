package dev.warden.it;

import dev.warden.it.harness.ItSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The app with spring-boot-starter-webflux added: Boot gives both clients Reactor Netty, so Spring
 * AI's plain calls go through the {@code ReactorClientHttpRequestFactory} hook (RestClient) and its
 * streams through the {@code ReactorClientHttpConnector} hook (WebClient).
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
  List<String> instrumentedTransports() {
    return List.of("org.springframework.http.client.ReactorClientHttpRequestFactory",
        "org.springframework.http.client.reactive.ReactorClientHttpConnector");
  }
}
