package dev.warden.it;

import dev.warden.it.harness.ItSettings;
import java.nio.file.Path;

/**
 * The same app with httpclient5 on its class path: Boot's RestClient picks Apache HttpClient 5
 * first, so plain calls go through the HttpClient 5 hook; the WebClient (streams) stays on the
 * JDK client, since no reactive HttpClient 5 adapter (httpcore5-reactive) nor Reactor Netty is there.
 */
class SpringAiHttpClient5BootTest extends SpringAiBootTest {

  @Override
  Path appJar() {
    return ItSettings.springAiHttpClient5AppJar();
  }

  @Override
  String expectedTransports() {
    return "openai.rest=HttpComponentsClientHttpRequestFactory openai.web=JdkClientHttpConnector"
        + " anthropic.rest=HttpComponentsClientHttpRequestFactory anthropic.web=JdkClientHttpConnector";
  }

  @Override
  String instrumentedHttpClient5() {
    return "org.apache.hc.client5.http.impl.classic.InternalHttpClient";
  }
}
