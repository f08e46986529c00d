package dev.warden.it.drivers;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * An application that calls an OpenAI-compatible {@code /chat/completions} directly with Apache
 * HttpClient 5, as hand-written clients and gateways do: plain calls through the default client
 * ({@code InternalHttpClient}) with a response handler, streams through the minimal client
 * ({@code MinimalHttpClient}) with {@code executeOpen}, read line by line. Arguments: base URL,
 * API key.
 */
public final class HttpClient5Driver extends ChatCompletionsDriver {


  private final String baseUrl;
  private final String apiKey;
  private final CloseableHttpClient client = HttpClients.createDefault();
  private final CloseableHttpClient minimal = HttpClients.createMinimal();

  private HttpClient5Driver(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    // which httpclient5 jar this JVM runs, for the tests that swap it
    System.err.println("driver: " + Path.of(CloseableHttpClient.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).getFileName());
    DriverLoop.serve(new HttpClient5Driver(args[0], args[1]));
  }

  @Override
  public String describe(Throwable error) {
    if (!(error instanceof OpenAiError e)) {
      return null;
    }
    return DriverLoop.errorFields(e.status, e, errorCode(e.body), e.decision, e.retryAfter, e.body);
  }

  @Override
  protected String post(String requestJson) throws IOException {
    return client.execute(httpPost(requestJson), response -> {
      String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
      if (response.getCode() != 200) {
        throw new OpenAiError(response, body);
      }
      return body;
    });
  }

  /** Reads the event stream line by line as it arrives. */
  @Override
  protected void postStream(String requestJson, DeltaJoiner deltas) throws IOException {
    // the minimal client routes nothing itself: it needs the target host
    try (ClassicHttpResponse response = minimal.executeOpen(HttpHost.create(URI.create(baseUrl)),
        httpPost(requestJson), null)) {
      if (response.getCode() != 200) {
        throw new OpenAiError(response, new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8));
      }
      deltas.lines(response.getEntity().getContent());
    }
  }

  private HttpPost httpPost(String requestJson) {
    HttpPost post = new HttpPost(baseUrl + "/chat/completions");
    post.setHeader("Authorization", "Bearer " + apiKey);
    post.setEntity(new StringEntity(requestJson, ContentType.APPLICATION_JSON));
    return post;
  }

  /** What this application throws for an HTTP error answer: the status, two headers and the body. */
  static final class OpenAiError extends IOException {
    final int status;
    final String decision;
    final String retryAfter;
    final String body;

    OpenAiError(HttpResponse response, String body) {
      super("HTTP " + response.getCode());
      this.status = response.getCode();
      this.decision = value(response.getFirstHeader("x-warden-decision"));
      this.retryAfter = value(response.getFirstHeader("retry-after"));
      this.body = body;
    }

    private static String value(Header header) {
      return header == null ? null : header.getValue();
    }
  }
}
