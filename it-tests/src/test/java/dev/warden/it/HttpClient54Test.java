package dev.warden.it;

import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The same application on the oldest tested line, HttpClient 5.4 with HttpCore 5.3, in place of the newest. */
class HttpClient54Test extends HttpClient5Test {

  @Override
  ForkedJvm startApplication(Path policyFile) throws IOException {
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (!name.startsWith("httpclient5-") && !name.startsWith("httpcore5-")) {
        classPath.add(entry);
      }
    }
    try (Stream<Path> jars = Files.list(ItSettings.httpClient54Lib())) {
      jars.forEach(jar -> classPath.add(jar.toString()));
    }
    return ForkedJvm.start(javaHome(), ItSettings.agentJar(), policyFile, List.of(),
        List.of("-cp", String.join(File.pathSeparator, classPath), driver().getName(), baseUrl(),
            apiKey()));
  }

  @Override
  String expectedJar() {
    return "httpclient5-5.4.";
  }
}
