package dev.warden.it.springai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * A Spring Boot web application whose controller calls Spring AI's {@code ChatModel}s, configured
 * the usual way ({@code spring.ai.openai.*}, {@code spring.ai.anthropic.*}); says its port on stderr.
 */
@SpringBootApplication
public class SpringAiApplication implements ApplicationListener<WebServerInitializedEvent> {

  public static void main(String[] args) {
    SpringApplication.run(SpringAiApplication.class, args);
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    System.err.println("spring-ai-app listening on " + event.getWebServer().getPort());
  }
}
