package dev.warden.agent.wire.bedrock;

import dev.warden.agent.wire.PathRoutes;
import dev.warden.agent.wire.Route;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bedrock Runtime paths: {@code /model/{modelId}/converse}, {@code /converse-stream},
 * {@code /invoke} and {@code /invoke-with-response-stream}. The model id (a foundation model, an
 * inference profile or an ARN) is percent-decoded from the path; an InvokeModel route gets the
 * adapter of the model's body family. Immutable and thread-safe.
 */
public final class BedrockRoutes implements PathRoutes {

  private static final String PREFIX = "/model/";

  private final Route converse;
  private final Route converseStream;
  private final String provider;

  public BedrockRoutes(String provider) {
    this.provider = provider;
    this.converse = new Route(provider, Route.BEDROCK, Route.CHAT, ConverseAdapter.PLAIN);
    this.converseStream = new Route(provider, Route.BEDROCK, Route.CHAT, ConverseAdapter.STREAM);
  }

  @Override
  public Route match(String path, int from, int to) {
    if (!path.startsWith(PREFIX, from)) {
      return null;
    }
    int slash = path.lastIndexOf('/', to - 1);
    int idStart = from + PREFIX.length();
    if (slash <= idStart) {
      return null;
    }
    String operation = path.substring(slash + 1, to);
    String model = decode(path, idStart, slash);
    if (model == null || model.isEmpty()) {
      return null;
    }
    switch (operation) {
      case "converse":
        return converse.withPathModel(model);
      case "converse-stream":
        return converseStream.withPathModel(model);
      case "invoke":
        return new Route(provider, Route.BEDROCK, Route.CHAT, InvokeModelAdapter.of(model, false), model);
      case "invoke-with-response-stream":
        return new Route(provider, Route.BEDROCK, Route.CHAT, InvokeModelAdapter.of(model, true), model);
      default:
        return null;
    }
  }

  /** Percent-decodes {@code path[from, to)} as UTF-8; null for a malformed escape. */
  static String decode(String path, int from, int to) {
    int percent = path.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      return path.substring(from, to);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= to) {
          return null;
        }
        int hi = Character.digit(path.charAt(i + 1), 16);
        int lo = Character.digit(path.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
