package dev.warden.agent.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.warden.bootstrap.WireCall;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RewritingBodyHandlerTest {

  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/stream", exchange -> {
      exchange.getResponseHeaders().add("content-type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 200; i++) {
          out.write(("data: chunk " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    });
    server.createContext("/json", exchange -> {
      byte[] body = "{\"text\":\"the leak\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.createContext("/missing", exchange -> {
      byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theApplicationsHandlerGetsTheRewrittenBody() throws Exception {
    HttpResponse<String> response = client.send(request("/stream"),
        new RewritingBodyHandler<>(HttpResponse.BodyHandlers.ofString(), new UpperCasing()));
    assertThat(response.body()).startsWith("DATA: CHUNK 0\n\nDATA: CHUNK 1\n\n").endsWith("DATA: CHUNK 199\n\n");
    assertThat(response.body().split("\n\n")).hasSize(200);
  }

  @Test
  void streamingHandlersReadTheRewrittenBodyLineByLine() throws Exception {
    HttpResponse<java.util.stream.Stream<String>> response = client.send(request("/stream"),
        new RewritingBodyHandler<>(HttpResponse.BodyHandlers.ofLines(), new UpperCasing()));
    List<String> lines = response.body().filter(line -> !line.isEmpty()).collect(Collectors.toList());
    assertThat(lines).hasSize(200).allMatch(line -> line.startsWith("DATA: CHUNK "));
  }

  @Test
  void errorResponsesAreNotRewritten() throws Exception {
    HttpResponse<String> response = client.send(request("/missing"),
        new RewritingBodyHandler<>(HttpResponse.BodyHandlers.ofString(), new UpperCasing()));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("not found");
  }

  @Test
  void aWithheldBodyReadWholeGetsTheBlockStatusAndHeaders() throws Exception {
    Withholding call = new Withholding();
    RewritingBodyHandler<String> handler = new RewritingBodyHandler<>(HttpResponse.BodyHandlers.ofString(), call);
    @SuppressWarnings("unchecked")
    HttpResponse<String> response = (HttpResponse<String>) WithheldResponse.onceRead(
        client.sendAsync(request("/json"), handler), call, handler).get();
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-warden-decision")).hasValue("blocked; rule=injection");
    assertThat(response.body()).isEqualTo(Withholding.ERROR);
    assertThat(response.uri()).isEqualTo(request("/json").uri());
  }

  @Test
  void aHandlerThatCompletesBeforeTheBodyKeepsTheStatusAndReadsTheError() throws Exception {
    Withholding call = new Withholding();
    RewritingBodyHandler<InputStream> handler =
        new RewritingBodyHandler<>(HttpResponse.BodyHandlers.ofInputStream(), call);
    @SuppressWarnings("unchecked")
    HttpResponse<InputStream> response = (HttpResponse<InputStream>) WithheldResponse.onceRead(
        client.sendAsync(request("/json"), handler), call, handler).get();
    assertThat(response.statusCode()).isEqualTo(200);
    try (InputStream body = response.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Withholding.ERROR);
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
  }

  /** A call that withholds every response body it reads, as a leaked completion is. */
  private static final class Withholding implements WireCall {
    static final String ERROR = "{\"error\":{\"code\":\"canary_leaked\"}}";
    private volatile boolean withheld;

    @Override public boolean blocked() { return false; }
    @Override public int blockStatus() { return 403; }
    @Override public Map<String, String> blockHeaders() {
      return Map.of("content-type", "application/json", "x-warden-decision", "blocked; rule=injection");
    }
    @Override public byte[] blockBody() { return ERROR.getBytes(StandardCharsets.UTF_8); }
    @Override public byte[] requestBody() { return null; }
    @Override public Map<String, String> headers() { return Map.of(); }
    @Override public boolean rewritesResponse() { return true; }
    @Override public boolean mayWithholdResponse() { return true; }
    @Override public boolean responseWithheld() { return withheld; }
    @Override public void onFailure(Throwable error) {}

    @Override
    public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) {
      try (body) {
        body.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      withheld = true;
      return new java.io.ByteArrayInputStream(blockBody());
    }
  }

  /** A call whose response rewriting upper-cases ASCII letters. */
  private static final class UpperCasing implements WireCall {
    @Override public boolean blocked() { return false; }
    @Override public int blockStatus() { return 0; }
    @Override public Map<String, String> blockHeaders() { return Map.of(); }
    @Override public byte[] blockBody() { return null; }
    @Override public byte[] requestBody() { return null; }
    @Override public Map<String, String> headers() { return Map.of(); }
    @Override public boolean rewritesResponse() { return true; }
    @Override public void onFailure(Throwable error) {}

    @Override
    public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) {
      return new FilterInputStream(body) {
        @Override public int read() throws IOException {
          int c = super.read();
          return c >= 'a' && c <= 'z' ? c - 32 : c;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          for (int i = off; i < off + Math.max(n, 0); i++) {
            if (b[i] >= 'a' && b[i] <= 'z') {
              b[i] -= 32;
            }
          }
          return n;
        }
      };
    }
  }
}
