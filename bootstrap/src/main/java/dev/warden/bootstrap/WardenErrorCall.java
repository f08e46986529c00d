package dev.warden.bootstrap;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The blocked answer used when Warden itself failed and the policy says {@code onError: block}. */
public final class WardenErrorCall implements WireCall {

  public static final WardenErrorCall INSTANCE = new WardenErrorCall();

  public static final byte[] BODY = ("{\"error\":{\"type\":\"warden_policy_violation\",\"code\":\"warden_error\","
      + "\"message\":\"Warden could not check this call and its policy blocks on error.\",\"param\":null}}")
      .getBytes(StandardCharsets.UTF_8);

  private WardenErrorCall() {}

  @Override public boolean blocked() { return true; }
  @Override public int blockStatus() { return 403; }
  @Override public Map<String, String> blockHeaders() {
    return Map.of("content-type", "application/json", "x-warden-decision", "blocked; rule=error");
  }
  @Override public byte[] blockBody() { return BODY.clone(); }
  @Override public byte[] requestBody() { return null; }
  @Override public Map<String, String> headers() { return Map.of(); }
  @Override public boolean rewritesResponse() { return false; }
  @Override public InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body) { return body; }
  @Override public void onFailure(Throwable error) {}
}
