package dev.warden.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeyFingerprintTest {

  /** SHA-256("abc"), the FIPS 180-2 test vector. */
  private static final String ABC = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void fingerprintIsSha256HexOfUtf8Key() {
    assertThat(KeyFingerprint.ofKey("abc")).isEqualTo(ABC);
    assertThat(KeyFingerprint.ofKey("")).isEqualTo(
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void readsBearerToken() {
    assertThat(KeyFingerprint.of(Map.of("Authorization", List.of("Bearer abc")))).isEqualTo(ABC);
    assertThat(KeyFingerprint.of(Map.of("authorization", List.of("bearer  abc ")))).isEqualTo(ABC);
  }

  @Test
  void readsApiKeyHeadersInAnyCase() {
    assertThat(KeyFingerprint.of(Map.of("X-Api-Key", List.of("abc")))).isEqualTo(ABC);
    assertThat(KeyFingerprint.of(Map.of("x-goog-api-key", List.of("abc")))).isEqualTo(ABC);
    assertThat(KeyFingerprint.of(Map.of("X-GOOG-API-KEY", List.of("abc")))).isEqualTo(ABC);
    assertThat(KeyFingerprint.of(Map.of("Api-Key", List.of("abc")))).isEqualTo(ABC);
  }

  @Test
  void bearerWinsOverApiKeyWhichWinsOverGoogleKey() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-goog-api-key", List.of("goog"));
    headers.put("x-api-key", List.of("anthropic"));
    headers.put("Authorization", List.of("Bearer abc"));
    assertThat(KeyFingerprint.of(headers)).isEqualTo(ABC);

    headers.remove("Authorization");
    assertThat(KeyFingerprint.of(headers)).isEqualTo(KeyFingerprint.ofKey("anthropic"));

    headers.remove("x-api-key");
    assertThat(KeyFingerprint.of(headers)).isEqualTo(KeyFingerprint.ofKey("goog"));

    headers.put("api-key", List.of("azure"));
    assertThat(KeyFingerprint.of(headers)).isEqualTo(KeyFingerprint.ofKey("goog"));
    headers.remove("x-goog-api-key");
    assertThat(KeyFingerprint.of(headers)).isEqualTo(KeyFingerprint.ofKey("azure"));
    assertThat(KeyFingerprint.header(headers)).isEqualTo("api-key");
  }

  @Test
  void theHeaderThatCarriedTheKeyIsWhereTheRealKeyGoes() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Goog-Api-Key", List.of("goog"));
    assertThat(KeyFingerprint.header(headers)).isEqualTo("x-goog-api-key");
    headers.put("X-API-KEY", List.of("anthropic"));
    assertThat(KeyFingerprint.header(headers)).isEqualTo("x-api-key");
    headers.put("authorization", List.of("Bearer wdn_virtual"));
    assertThat(KeyFingerprint.header(headers)).isEqualTo("Authorization");
    assertThat(KeyFingerprint.header(Map.of())).isNull();

    assertThat(KeyFingerprint.replacing("Authorization", "sk-real")).isEqualTo(Map.entry("Authorization", "Bearer sk-real"));
    assertThat(KeyFingerprint.replacing("x-api-key", "sk-real")).isEqualTo(Map.entry("x-api-key", "sk-real"));
  }

  @Test
  void otherAuthorizationSchemesAreNotKeys() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Authorization", List.of("Basic dXNlcjpwYXNz"));
    assertThat(KeyFingerprint.of(headers)).isNull();

    headers.put("x-api-key", List.of("abc"));
    assertThat(KeyFingerprint.of(headers)).isEqualTo(ABC);
  }

  @Test
  void noKeyIsNull() {
    assertThat(KeyFingerprint.of(null)).isNull();
    assertThat(KeyFingerprint.of(Map.of())).isNull();
    assertThat(KeyFingerprint.of(Map.of("content-type", List.of("application/json")))).isNull();
    assertThat(KeyFingerprint.of(Map.of("Authorization", List.of("Bearer ")))).isNull();
    assertThat(KeyFingerprint.of(Map.of("x-api-key", List.of("  ")))).isNull();
    assertThat(KeyFingerprint.of(Map.of("x-api-key", List.of()))).isNull();
  }

  @Test
  void fingerprintNeverContainsTheKey() {
    String key = "sk-proj-0123456789abcdef";

    assertThat(KeyFingerprint.of(Map.of("Authorization", List.of("Bearer " + key))))
        .doesNotContain(key)
        .matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void aSigV4AuthorizationPresentsItsAccessKeyIdNeverItsSecret() {
    String value = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261128/us-east-1/bedrock/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=abcdef";
    assertThat(KeyFingerprint.of(Map.of("authorization", List.of(value))))
        .isEqualTo(KeyFingerprint.ofKey("AKIAEXAMPLE"));
    assertThat(KeyFingerprint.of(Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Signature=x"))))
        .isNull();
  }
}
