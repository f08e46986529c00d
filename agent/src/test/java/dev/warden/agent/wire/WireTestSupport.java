package dev.warden.agent.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.anthropic.MessagesAdapter;
import dev.warden.agent.wire.gemini.GeminiAdapter;
import dev.warden.agent.wire.gemini.GeminiEmbeddingsAdapter;
import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.openai.EmbeddingsAdapter;
import dev.warden.agent.wire.openai.ResponsesAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Routes and helpers shared by the wire tests. */
public final class WireTestSupport {

  public static final Route OPENAI_CHAT = new Route("openai", Route.OPENAI, Route.CHAT, ChatCompletionsAdapter.INSTANCE);
  public static final Route OPENAI_RESPONSES = new Route("openai", Route.OPENAI, Route.CHAT, ResponsesAdapter.INSTANCE);
  public static final Route OPENAI_EMBEDDINGS =
      new Route("openai", Route.OPENAI, Route.EMBEDDINGS, EmbeddingsAdapter.INSTANCE);
  public static final Route ANTHROPIC_MESSAGES =
      new Route("anthropic", Route.ANTHROPIC, Route.CHAT, MessagesAdapter.INSTANCE);

  public static final Route GEMINI_GENERATE =
      new Route("gemini", Route.GEMINI, Route.CHAT, GeminiAdapter.GENERATE, "gemini-2.5-flash");
  public static final Route GEMINI_STREAM =
      new Route("gemini", Route.GEMINI, Route.CHAT, GeminiAdapter.STREAM, "gemini-2.5-flash");
  public static final Route GEMINI_EMBED =
      new Route("gemini", Route.GEMINI, Route.EMBEDDINGS, GeminiEmbeddingsAdapter.INSTANCE, "gemini-embedding-001");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WireTestSupport() {}

  public static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  public static String string(byte[] b) {
    return new String(b, UTF_8);
  }

  /** Parses with a plain ObjectMapper: proves the bytes are valid JSON. */
  public static JsonNode json(byte[] b) {
    try {
      return MAPPER.readTree(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DecodedRequest decode(Route route, String body) {
    return route.adapter().decode(route, utf8(body), "sha256:test");
  }

  /** A rewrite array with one entry set. */
  public static String[] rewrite(DecodedRequest request, int index, String text) {
    String[] parts = new String[request.exchange().parts().size()];
    parts[index] = text;
    return parts;
  }
}
