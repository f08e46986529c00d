package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlCredentialsRecognizerTest {

  private final UrlCredentialsRecognizer recognizer = new UrlCredentialsRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @Test
  void userAndPasswordAreTheSpan() {
    String text = "Use this URL: https://username:password@llm-guard.com";
    assertThat(Found.spans(recognizer, text)).containsExactly(new Span("URL_CREDENTIALS", 22, 39));
    assertThat(found("postgres://app:s3cr3t@db.internal:5432/prod")).containsExactly("app:s3cr3t");
    assertThat(found("redis://:hunter2@cache:6379")).containsExactly(":hunter2");
    assertThat(found("git clone https://jane%40corp.com:p%40ss@git.example.com/x.git"))
        .containsExactly("jane%40corp.com:p%40ss");
    assertThat(found("(ftp://u:p@h)")).containsExactly("u:p");
  }

  @Test
  void anUnescapedAtSignInThePasswordStaysInside() {
    assertThat(found("https://user:p@ss@host.com/path")).containsExactly("user:p@ss");
  }

  @Test
  void urlsWithoutPasswordsAreNotFound() {
    assertThat(found("https://example.com/a:b@c")).isEmpty();
    assertThat(found("https://jane@example.com")).isEmpty();
    assertThat(found("https://user:@host.com")).isEmpty();
    assertThat(found("https://user:pass@")).isEmpty();
    assertThat(found("mailto:jane:x@example.com")).isEmpty();
    assertThat(found("://user:pass@host")).isEmpty();
    assertThat(found("x1://user:pass@host")).containsExactly("user:pass");
    assertThat(found("see https://host?u=a:b@c")).isEmpty();
    assertThat(found("https://user:pa ss@host")).isEmpty();
  }

  @Test
  void severalUrls() {
    String text = "a https://a:1@x.io b http://b:2@y.io/z";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("URL_CREDENTIALS", 10, 13), new Span("URL_CREDENTIALS", 28, 31));
  }

  @Test
  void unicodeTextAround() {
    assertThat(found("接続先はhttps://admin:pässwörd@db.example.jpです")).containsExactly("admin:pässwörd");
    assertThat(found("Verbindung: «https://u:geheim@host.de» 🙂")).containsExactly("u:geheim");
  }

  @Test
  void emailRecognizerLeavesUrlUserInfoAlone() {
    EmailRecognizer email = new EmailRecognizer();
    assertThat(Found.texts(email, "https://username:password@llm-guard.com")).isEmpty();
    assertThat(Found.texts(email, "https://u:p!ss@host.com")).isEmpty();
    assertThat(Found.texts(email, "https://jane@example.com")).containsExactly("jane@example.com");
    assertThat(Found.texts(email, "user:jane@example.com")).containsExactly("jane@example.com");
  }
}
