package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The whole openai-java scenario with the application packaged as a Spring Boot fat jar, where
 * OkHttp and the SDK live in Boot's class loader rather than on the class path.
 */
class SpringBootFatJarTest extends OpenAiJavaTest {

  @Override
  ForkedJvm startApplication(Path policyFile) throws IOException {
    return ForkedJvm.start(javaHome(), ItSettings.agentJar(), policyFile, List.of(),
        List.of("-jar", ItSettings.bootAppJar().toString(), baseUrl(), apiKey()));
  }

  @Test
  @Order(0)
  void theSdkRunsInBootsClassLoader() {
    assertThat(app.send("loader okhttp3.OkHttpClient")).isEqualTo("org.springframework.boot.loader.launch.LaunchedClassLoader");
  }
}
