package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JwtRecognizerTest {

  static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
      + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  /** {"alg":"none","typ":"JWT"} . {"sub":"123"} . (no signature) */
  static final String UNSIGNED = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjMifQ.";
  /** {"typ":"JWT","x":1} as a header: no "alg". */
  static final String NO_ALG = "eyJ0eXAiOiJKV1QiLCJ4IjoxfQ.eyJzdWIiOiIxMjMifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  private final JwtRecognizer recognizer = new JwtRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @Test
  void tokensAreFound() {
    assertThat(found(JWT)).containsExactly(JWT);
    assertThat(found("Authorization: Bearer " + JWT + "\n")).containsExactly(JWT);
    assertThat(found("{\"token\":\"" + JWT + "\"}")).containsExactly(JWT);
    assertThat(found("see " + JWT + ".")).containsExactly(JWT);
    assertThat(found(UNSIGNED + " is unsigned")).containsExactly(UNSIGNED);
  }

  @Test
  void offsetsAreExact() {
    String text = "jwt=" + JWT + "&next=1";
    assertThat(Found.spans(recognizer, text)).containsExactly(new Span("JWT", 4, 4 + JWT.length()));
  }

  @Test
  void nonTokensAreNotFound() {
    assertThat(found(NO_ALG)).isEmpty();
    assertThat(found("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMifQ.short")).isEmpty();
    assertThat(found("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMifQ")).isEmpty();
    assertThat(found("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.abc.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")).isEmpty();
    assertThat(found("eyJ!!!.eyJ.x")).isEmpty();
    assertThat(found("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c.x"))
        .isEmpty();
    assertThat(found("x" + JWT)).isEmpty();
    assertThat(found(JWT + "~")).containsExactly(JWT);
    assertThat(found("eyJeyJeyJeyJ eyJ.eyJ.eyJ")).isEmpty();
  }

  @Test
  void unicodeTextAround() {
    String japanese = "トークン" + JWT + "です";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("JWT", 4, 4 + JWT.length()));
    assertThat(found("Voici le jeton : " + JWT + " — à garder secret")).containsExactly(JWT);
    assertThat(found("🔑" + JWT + "🔑")).containsExactly(JWT);
  }
}
