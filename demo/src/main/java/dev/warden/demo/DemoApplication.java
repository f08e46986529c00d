package dev.warden.demo;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that makes ordinary openai-java calls to an embedded fake provider
 * and prints what the application sent, what reached the provider and what came back. It knows
 * nothing about Warden: run it with and without {@code -javaagent:warden-agent.jar} to compare.
 *
 * <p>System properties: {@code demo.port} (the fake provider's port, default 0 = any free port)
 * and {@code demo.apiKey} (the key the client sends, default {@link DemoScenario#DEFAULT_API_KEY}).
 */
@SpringBootApplication
public class DemoApplication implements CommandLineRunner {

  public static void main(String[] args) {
    // exit explicitly: HTTP client threads must not keep the demo alive after its report
    System.exit(SpringApplication.exit(SpringApplication.run(DemoApplication.class, args)));
  }

  @Override
  public void run(String... args) throws Exception {
    int port = Integer.getInteger("demo.port", 0);
    String apiKey = System.getProperty("demo.apiKey", DemoScenario.DEFAULT_API_KEY);
    try (FakeLlmServer provider = FakeLlmServer.start(port)) {
      new DemoScenario(provider, apiKey, System.out).run();
    }
  }
}
