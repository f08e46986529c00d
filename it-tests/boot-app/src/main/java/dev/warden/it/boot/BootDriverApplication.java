package dev.warden.it.boot;

import dev.warden.it.drivers.DriverLoop;
import dev.warden.it.drivers.OpenAiJavaDriver;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The openai-java driver as a Spring Boot application. Arguments: base URL, API key. */
@SpringBootApplication
public class BootDriverApplication implements CommandLineRunner {

  public static void main(String[] args) {
    SpringApplication.run(BootDriverApplication.class, args);
  }

  @Override
  public void run(String... args) throws Exception {
    DriverLoop.serve(OpenAiJavaDriver.create(args[0], args[1]));
  }
}
