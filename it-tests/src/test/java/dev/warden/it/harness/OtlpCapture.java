package dev.warden.it.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP endpoint ({@code http/protobuf}) on loopback that keeps every request body as it
 * arrived and answers 200 with an empty export response. The leak hunt wants the exported bytes
 * themselves (every attribute, event and resource value), not a backend's view of them; and it
 * starts in milliseconds, where a real backend takes most of a minute.
 */
public final class OtlpCapture implements AutoCloseable {

  private final HttpServer server;
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

  private OtlpCapture(HttpServer server) {
    this.server = server;
  }

  public static OtlpCapture start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OtlpCapture capture = new OtlpCapture(server);
    server.createContext("/", capture::handle);
    server.start();
    return capture;
  }

  /** The value of {@code otel.exporter.otlp.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every export request's protobuf body received so far (traces, metrics, logs). */
  public List<byte[]> bodies() {
    return List.copyOf(bodies);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      bodies.add(exchange.getRequestBody().readAllBytes());
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
