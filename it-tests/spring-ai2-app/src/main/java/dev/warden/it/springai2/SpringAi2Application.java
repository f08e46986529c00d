package dev.warden.it.springai2;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the Spring AI 2 end-to-end test starts with {@code java -javaagent:… -jar}. */
@SpringBootApplication
public class SpringAi2Application {

  public static void main(String[] args) {
    SpringApplication.run(SpringAi2Application.class, args);
  }
}
