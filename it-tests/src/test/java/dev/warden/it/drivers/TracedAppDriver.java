package dev.warden.it.drivers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A small web application: {@code GET /ask?model=M&q=TEXT} asks the model through openai-java and
 * answers with the completion, so that a server span (made by the OpenTelemetry Java agent's JDK
 * HTTP server instrumentation) surrounds the LLM call. Arguments: base URL, API key. Prints
 * {@code [app] listening on PORT} to stderr once it serves.
 */
public final class TracedAppDriver {

  private TracedAppDriver() {}

  public static void main(String[] args) throws IOException {
    OpenAiJavaDriver client = OpenAiJavaDriver.create(args[0], args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ask", exchange -> {
      String model = "gpt-4o-mini";
      String question = "";
      for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String value = URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
        if (kv[0].equals("model")) {
          model = value;
        } else if (kv[0].equals("q")) {
          question = value;
        }
      }
      byte[] body;
      int status;
      try {
        body = client.chat(model, question).getBytes(StandardCharsets.UTF_8);
        status = 200;
      } catch (RuntimeException e) {
        body = String.valueOf(client.describe(e)).getBytes(StandardCharsets.UTF_8);
        status = 502;
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    System.err.println("[app] listening on " + server.getAddress().getPort());
  }
}
