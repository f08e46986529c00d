package dev.warden.it.drivers;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The command loop every driver program runs: one command per stdin line, one
 * {@code RESULT <answer>} line per command on stdout, until stdin closes.
 *
 * <pre>
 * chat MODEL TEXT…     a plain call; answer: the completion text
 * stream MODEL TEXT…   a streamed call; answer: the deltas joined
 * invoke MODEL TEXT…   a call through a provider's raw model API (Bedrock InvokeModel); answer: the completion text
 * invoke-stream MODEL TEXT…  the same call streamed (InvokeModelWithResponseStream); answer: the deltas joined
 * tool MODEL TEXT…     a call offering the tool send_email(text), which the model calls;
 *                      answer: the text argument as the application received it
 * tool-stream MODEL TEXT…  the same call streamed
 * system-chat MODEL SYSTEM || TEXT…    a plain call with a system prompt
 * system-stream MODEL SYSTEM || TEXT…  the same call streamed
 * get URL              a JDK HttpClient GET to any URL; answer: HTTP STATUS BODY
 * post URL BODY…       a JDK HttpClient POST of a JSON body; answer: HTTP STATUS BODY
 * as USER AUTH,… CMD…  CMD with USER signed in to Spring Security, with those authorities ("-": none)
 * version              answer: the running Java feature version, e.g. 25
 * loader CLASS         answer: the class name of the loader that defines CLASS
 * </pre>
 *
 * An SDK error answers {@code ERROR|status|exception class|code|x-warden-decision|retry-after|body}, and a
 * stream that failed after some deltas adds {@code |received:} and the text read before the error;
 * anything else thrown answers {@code FAILURE|…} and prints its stack trace to stderr.
 */
public final class DriverLoop {

  /** One SDK, as the loop drives it. */
  public interface Client {
    String chat(String model, String prompt) throws Exception;

    String stream(String model, String prompt) throws Exception;

    /** A call through the provider's raw model API (Bedrock InvokeModel); answers the completion text. */
    default String invoke(String model, String prompt) throws Exception {
      throw new UnsupportedOperationException("this driver has no raw model API");
    }

    /** As {@link #invoke}, streamed; answers the text deltas joined. */
    default String invokeStream(String model, String prompt) throws Exception {
      throw new UnsupportedOperationException("this driver has no raw model API");
    }

    /**
     * A call that offers one tool, {@code send_email} with a string parameter {@code text}, and
     * expects the model to call it; answers the {@code text} argument the application got (after
     * checking that the arguments are one JSON object).
     */
    default String tool(String model, String prompt) throws Exception {
      throw new UnsupportedOperationException("this driver makes no tool calls");
    }

    /** As {@link #tool}, streamed; also checks that the SDK's accumulated call agrees with the deltas. */
    default String toolStream(String model, String prompt) throws Exception {
      throw new UnsupportedOperationException("this driver makes no tool calls");
    }

    /**
     * A conversation in which the application already called a tool ({@code fetch_page}) and now
     * sends its result, {@code result}, back to the model: where indirect injections arrive.
     * Answers the model's reply.
     */
    default String toolResult(String model, String result) throws Exception {
      throw new UnsupportedOperationException("this driver sends no tool results");
    }

    /** A plain call with a system prompt; answers the completion text. */
    default String systemChat(String model, String system, String prompt) throws Exception {
      throw new UnsupportedOperationException("this driver sends no system prompts");
    }

    /** As {@link #systemChat}, streamed; a failure after some deltas is thrown as a {@link StreamFailure}. */
    default String systemStream(String model, String system, String prompt) throws Exception {
      throw new UnsupportedOperationException("this driver sends no system prompts");
    }

    /** The fields after {@code ERROR|} for an error the SDK raised from an HTTP answer, or null for any other throwable. */
    String describe(Throwable error);
  }

  /** A stream that failed with {@code getCause()} after the application had read {@code received}. */
  public static final class StreamFailure extends Exception {
    private final String received;

    public StreamFailure(String received, Throwable cause) {
      super(cause);
      this.received = received;
    }
  }

  private DriverLoop() {}

  public static void serve(Client client) throws IOException {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String answer;
      try {
        answer = run(client, plain, line);
      } catch (Throwable error) {
        Throwable cause = error instanceof StreamFailure failure ? failure.getCause() : error;
        String described = client.describe(cause);
        if (described == null) {
          error.printStackTrace();
          answer = "FAILURE|" + error;
        } else {
          answer = "ERROR|" + described + (error instanceof StreamFailure failure ? "|received:" + failure.received : "");
        }
      }
      System.out.println("RESULT " + answer.replace("\r", "\\r").replace("\n", "\\n"));
      System.out.flush();
    }
  }

  private static String run(Client client, HttpClient plain, String line) throws Exception {
    String[] words = line.split(" ", 3);
    String rest = words.length > 2 ? words[2] : "";
    return switch (words[0]) {
      case "chat" -> client.chat(words[1], rest);
      case "stream" -> client.stream(words[1], rest);
      case "invoke" -> client.invoke(words[1], rest);
      case "invoke-stream" -> client.invokeStream(words[1], rest);
      case "tool" -> client.tool(words[1], rest);
      case "tool-stream" -> client.toolStream(words[1], rest);
      case "tool-result" -> client.toolResult(words[1], rest);
      case "system-chat" -> client.systemChat(words[1], before(rest), after(rest));
      case "system-stream" -> client.systemStream(words[1], before(rest), after(rest));
      case "as" -> runAs(client, plain, words[1], rest);
      case "get" -> send(plain, HttpRequest.newBuilder(URI.create(words[1])).GET());
      case "post" -> send(plain, HttpRequest.newBuilder(URI.create(words[1]))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(rest)));
      case "post-gzip" -> sendAcceptingGzip(plain, HttpRequest.newBuilder(URI.create(words[1]))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(rest)));
      case "version" -> String.valueOf(Runtime.version().feature());
      case "loader" -> String.valueOf(Class.forName(words[1]).getClassLoader().getClass().getName());
      default -> "FAILURE|unknown command: " + line;
    };
  }

  /** {@code as USER AUTHORITY,… COMMAND…}: the command runs with USER signed in to Spring Security. */
  private static String runAs(Client client, HttpClient plain, String user, String rest) throws Exception {
    int space = rest.indexOf(' ');
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    for (String authority : rest.substring(0, space).split(",")) {
      if (!authority.equals("-")) {
        authorities.add(new SimpleGrantedAuthority(authority));
      }
    }
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    try {
      return run(client, plain, rest.substring(space + 1));
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static String before(String rest) {
    int bar = rest.indexOf(" || ");
    return bar < 0 ? "" : rest.substring(0, bar);
  }

  private static String after(String rest) {
    int bar = rest.indexOf(" || ");
    return bar < 0 ? rest : rest.substring(bar + 4);
  }

  /** The pipe-separated fields of an ERROR answer; absent values are "-". */
  public static String errorFields(int status, Throwable error, String code, String decision, String retryAfter,
      String body) {
    return status + "|" + error.getClass().getSimpleName() + "|" + orDash(code) + "|" + orDash(decision) + "|"
        + orDash(retryAfter) + "|" + orDash(body);
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  /** As an application that handles compression itself: asks for gzip, inflates what says it is gzip. */
  private static String sendAcceptingGzip(HttpClient plain, HttpRequest.Builder request) throws Exception {
    HttpResponse<byte[]> response = plain.send(request.header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(30))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
    byte[] body = response.body();
    if (encoding.equalsIgnoreCase("gzip")) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    return "HTTP " + response.statusCode() + " " + encoding + " " + new String(body, StandardCharsets.UTF_8);
  }

  private static String send(HttpClient plain, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = plain.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return "HTTP " + response.statusCode() + " " + response.body();
  }
}
