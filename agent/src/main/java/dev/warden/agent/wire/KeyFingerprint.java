package dev.warden.agent.wire;

import dev.warden.policies.secret.ApiKeyFingerprint;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint by which key scopes recognise an API key without Warden keeping the key:
 * {@code "sha256:"} + lowercase hex SHA-256 of the key's UTF-8 bytes. Thread-safe.
 */
public final class KeyFingerprint {


  private KeyFingerprint() {}

  /**
   * Fingerprints the API key of a request. Header names are matched case-insensitively; the key is
   * the first present of {@code Authorization: Bearer <key>} (OpenAI, anthropic-java 3.x),
   * {@code x-api-key} (Anthropic through LangChain4j and Spring AI), {@code x-goog-api-key}
   * (Gemini) and {@code api-key} (Azure OpenAI). Surrounding whitespace is not part of the key. A
   * SigV4 {@code Authorization} ({@code AWS4-HMAC-SHA256 Credential=AKID/…}) presents its access
   * key id, never its secret: that id is the key fingerprinted. A Bedrock API key is a Bearer
   * token like any other.
   *
   * @param headers request headers, any name case; may be null
   * @return the fingerprint, or null when no key was sent
   */
  public static String of(Map<String, List<String>> headers) {
    String[] presented = presented(headers);
    return presented == null ? null : ofKey(presented[1]);
  }

  /**
   * The header that carries the key {@link #of} fingerprints, by its canonical name
   * ({@link #AUTHORIZATION}, {@link #X_API_KEY}, {@link #X_GOOG_API_KEY} or {@link #API_KEY}), or
   * null when no key was sent.
   */
  public static String header(Map<String, List<String>> headers) {
    String[] presented = presented(headers);
    return presented == null ? null : presented[0];
  }

  /**
   * The header to send so that {@code key} replaces the key presented in {@code header}, in the
   * same header and form ({@code Bearer} for {@link #AUTHORIZATION}).
   */
  public static Map.Entry<String, String> replacing(String header, String key) {
    return Map.entry(header, AUTHORIZATION.equals(header) ? "Bearer " + key : key);
  }

  public static final String AUTHORIZATION = "Authorization";
  public static final String X_API_KEY = "x-api-key";
  public static final String X_GOOG_API_KEY = "x-goog-api-key";
  public static final String API_KEY = "api-key";

  /** {canonical header name, key} of the key the request presents, or null. */
  private static String[] presented(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return null;
    }
    String bearer = null;
    String apiKey = null;
    String googKey = null;
    String azureKey = null;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (name == null) {
        continue;
      }
      if (bearer == null && name.equalsIgnoreCase(AUTHORIZATION)) {
        bearer = bearerToken(header.getValue());
      } else if (apiKey == null && name.equalsIgnoreCase(X_API_KEY)) {
        apiKey = firstValue(header.getValue());
      } else if (googKey == null && name.equalsIgnoreCase(X_GOOG_API_KEY)) {
        googKey = firstValue(header.getValue());
      } else if (azureKey == null && name.equalsIgnoreCase(API_KEY)) {
        azureKey = firstValue(header.getValue());
      }
    }
    return bearer != null ? new String[] {AUTHORIZATION, bearer}
        : apiKey != null ? new String[] {X_API_KEY, apiKey}
        : googKey != null ? new String[] {X_GOOG_API_KEY, googKey}
        : azureKey != null ? new String[] {API_KEY, azureKey}
        : null;
  }

  /**
   * Fingerprints one key as given (no trimming).
   *
   * @param key the API key
   * @return {@code "sha256:"} + 64 lowercase hex digits
   */
  public static String ofKey(String key) {
    return ApiKeyFingerprint.of(key);
  }


  private static String bearerToken(List<String> values) {
    if (values == null) {
      return null;
    }
    for (int i = 0, n = values.size(); i < n; i++) {
      String value = values.get(i);
      if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String token = value.substring(7).trim();
        if (!token.isEmpty()) {
          return token;
        }
      }
      String accessKeyId = value == null ? null : sigV4AccessKeyId(value);
      if (accessKeyId != null) {
        return accessKeyId;
      }
    }
    return null;
  }

  /** The access key id of a SigV4 {@code Authorization} value, or null for another scheme. */
  static String sigV4AccessKeyId(String value) {
    if (!value.startsWith("AWS4-HMAC-SHA256 ")) {
      return null;
    }
    int credential = value.indexOf("Credential=");
    if (credential < 0) {
      return null;
    }
    int from = credential + "Credential=".length();
    int slash = value.indexOf('/', from);
    return slash > from ? value.substring(from, slash).trim() : null;
  }

  private static String firstValue(List<String> values) {
    if (values == null) {
      return null;
    }
    for (int i = 0, n = values.size(); i < n; i++) {
      String value = values.get(i);
      if (value != null) {
        String key = value.trim();
        if (!key.isEmpty()) {
          return key;
        }
      }
    }
    return null;
  }
}
