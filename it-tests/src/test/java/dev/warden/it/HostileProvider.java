package dev.warden.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback OpenAI-compatible provider that answers chat completions badly, as the prompt asks:
 * {@code cut-stream} (an SSE stream whose connection drops mid-event), {@code giant-event} (one
 * event over Warden's 16 MB event bound), {@code invalid-json}, {@code invalid-utf8}; any other
 * request gets a plain completion. Every hostile answer carries {@link #MARK}, which must never
 * show up in a Warden log line.
 */
final class HostileProvider implements AutoCloseable {

  static final String MARK = "hostile-body-7731";
  static final int GIANT_EVENT_BYTES = 17 << 20;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  HostileProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void answer(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    try (exchange) {
      if (request.contains("cut-stream")) {
        cutStream(exchange);
      } else if (request.contains("giant-event")) {
        giantEvent(exchange);
      } else if (request.contains("invalid-json")) {
        json(exchange, ("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"" + MARK).getBytes(UTF_8));
      } else if (request.contains("invalid-utf8")) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(completion(MARK + " ").getBytes(UTF_8));
        int at = body.toString(UTF_8).indexOf(MARK) + MARK.length();
        byte[] bytes = body.toByteArray();
        bytes[at] = (byte) 0xC3; // replaces the space: C3 then '"' is no UTF-8
        json(exchange, bytes);
      } else {
        json(exchange, completion("fine").getBytes(UTF_8));
      }
    }
  }

  /** Headers promise more than is sent: closing the exchange then drops the connection mid-event. */
  private static void cutStream(HttpExchange exchange) throws IOException {
    byte[] sent = (chunk("{\"role\":\"assistant\",\"content\":\"before the cut \"}", null)
        + chunk("{\"content\":\"" + MARK + "\"}", null)).getBytes(UTF_8);
    byte[] partial = Arrays.copyOf(sent, sent.length - 20);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, sent.length + 1000L);
    OutputStream out = exchange.getResponseBody();
    out.write(partial);
    out.flush();
  }

  private static void giantEvent(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null).getBytes(UTF_8));
    // one event over the bound: its text is short, an extra member makes it giant
    out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"giant-ok\"}}],\"x\":\"").getBytes(UTF_8));
    byte[] filler = (MARK + " ").repeat(1 << 12).getBytes(UTF_8);
    for (long written = 0; written < GIANT_EVENT_BYTES; written += filler.length) {
      out.write(filler);
    }
    out.write("\"}\n\n".getBytes(UTF_8));
    out.write(chunk("{}", "\"stop\"").getBytes(UTF_8));
    out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
        + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}\n\n"
        + "data: [DONE]\n\n").getBytes(UTF_8));
  }

  private static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
        + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
  }

  private static String completion(String content) {
    return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
  }

  private static void json(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
