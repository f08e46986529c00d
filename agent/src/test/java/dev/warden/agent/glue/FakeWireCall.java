package dev.warden.agent.glue;

import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A decided call for glue tests: blocked with a model_not_allowed 403, or sent with {@code sent}
 * and the real key, its response read whole and replaced by {@code restored} (null: left alone).
 */
public final class FakeWireCall implements WireCall {

  private final boolean blocked;
  private final String sent;
  private final String restored;
  public String seenResponse;
  public Throwable failure;

  public FakeWireCall(boolean blocked, String sent, String restored) {
    this.blocked = blocked;
    this.sent = sent;
    this.restored = restored;
  }

  @Override public boolean blocked() { return blocked; }
  @Override public int blockStatus() { return 403; }
  @Override public Map<String, String> blockHeaders() { return Map.of("x-warden-decision", "blocked; rule=model"); }
  @Override public byte[] blockBody() { return bytes("{\"error\":{\"code\":\"model_not_allowed\"}}"); }
  @Override public byte[] requestBody() { return sent == null ? null : bytes(sent); }
  @Override public Map<String, String> headers() { return Map.of("Authorization", "Bearer sk-real"); }
  @Override public boolean rewritesResponse() { return restored != null; }
  @Override public void onFailure(Throwable error) { failure = error; }

  @Override
  public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) {
    if (restored == null) {
      return body;
    }
    try (InputStream in = body) {
      seenResponse = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new ByteArrayInputStream(bytes(restored));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
