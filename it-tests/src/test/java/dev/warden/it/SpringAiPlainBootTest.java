package dev.warden.it;

import dev.warden.it.harness.ItSettings;
import java.nio.file.Path;

/**
 * The plain web app (spring-boot-starter-web and the Spring AI starters, nothing else): Boot gives
 * both the RestClient and the WebClient the JDK's HttpClient, so the JDK hook carries every call.
 */
class SpringAiPlainBootTest extends SpringAiBootTest {

  @Override
  Path appJar() {
    return ItSettings.springAiAppJar();
  }

  @Override
  String expectedTransports() {
    return "openai.rest=JdkClientHttpRequestFactory openai.web=JdkClientHttpConnector"
        + " anthropic.rest=JdkClientHttpRequestFactory anthropic.web=JdkClientHttpConnector";
  }

  @Override
  String instrumentedHttpClient5() {
    return null;
  }
}
