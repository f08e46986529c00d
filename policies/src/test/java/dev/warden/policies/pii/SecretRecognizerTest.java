package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRecognizerTest {

  // Fake credentials with the providers' shapes; none of them is or was ever valid.
  static final String OPENAI = "sk-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj";
  static final String OPENAI_PROJECT = "sk-proj-pNxnyVmihA-2O76UMFxFkM-R5Kjp1vRt_1fjORS-6ilI8ihN5KXSc7Tvo-hBKqFYY-kv5ZJr3J"
      + "T3BlbkFJ1TWDtkwtDDb_xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po_799NksnRH9ucAUsdMl";
  static final String ANTHROPIC = "sk-ant-api03-HUvTCQCyEZDz-TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1"
      + "qhT61qtc4xatws8phPAA";
  static final String AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String GITHUB = "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";
  static final String GITHUB_OAUTH = "gho_BkdfQ1y3GQsMpSscDlkrCaqx9vJupc94tnwl";
  static final String GITHUB_PAT = "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";
  static final String SLACK = "xoxb-834782450400-0883873716786-GtSnovm14TUOizwd1iaeOV4q";
  static final String SLACK_HOOK = "https://hooks.slack.com/services/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";
  static final String GOOGLE = "AIzaGr7CmY_uCu3ZR1zTOlUcR64cXQLioDnkHIf";
  static final String STRIPE = "sk_live_5XlrWi0B26R08qzjI6GKFSuf";
  static final String STRIPE_RESTRICTED = "rk_test_rdZSlB5er8bOfZqfM2oeq3hD";
  static final String STRIPE_PUBLISHABLE = "pk_live_avJA76rNicHTp8hkqdlm7tOt";
  static final String HEX = "0ac2f86702824c1c099724caf4941d40";
  static final String AWS_SECRET = "DkdfrUnW5gcF/Ha6ili8GjHEAD6+Wj9KfzjsQGMr";

  private final SecretRecognizer recognizer = new SecretRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      OPENAI, OPENAI_PROJECT, ANTHROPIC, AWS_KEY_ID, GITHUB, GITHUB_OAUTH, GITHUB_PAT, SLACK, SLACK_HOOK, GOOGLE, STRIPE,
      STRIPE_RESTRICTED, STRIPE_PUBLISHABLE, "hooks.slack.com/services/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"})
  void providerKeysAreFoundWherever(String key) {
    assertThat(found(key)).containsExactly(key);
    assertThat(found("here: " + key + "\n")).containsExactly(key);
    assertThat(found("(" + key + ")")).containsExactly(key);
    assertThat(found("\"" + key + "\",")).containsExactly(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sk-learn", "sk-abcdefghijklmnopqrstuvwxyz", "task-0123456789abcdefghij", "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLE1",
      "AKIAiosfodnn7example", "xAKIAIOSFODNN7EXAMPLE", "ghp_short", "ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINU",
      "AIzaGr7CmY_uCu3ZR1zTOlUcR64cXQLioDnkHI", "sk_live_short", "pk_test_avJA76rNicHTp8hkqdlm7tOt", "xoxb-short",
      "hooks.slack.com/services/", "https://hooks.slack.com/help", "well-known", "snake_case_identifier", "A-team",
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"})
  void lookAlikesAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void privateKeyBlocksAreFoundWhole() {
    String block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4UbaDzY3+Zl\nq0ehpZ1d/9k==\n-----END RSA PRIVATE KEY-----";
    String text = "key:\n" + block + "\nthanks";
    assertThat(Found.spans(recognizer, text)).containsExactly(new Span("SECRET", 5, 5 + block.length()));
    String openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAA\r\n-----END OPENSSH PRIVATE KEY-----";
    assertThat(found(openssh)).containsExactly(openssh);
    assertThat(found("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----"))
        .containsExactly("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----");
  }

  @Test
  void aPrivateKeyCutOffIsCoveredThroughItsLastLine() {
    String text = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk\n3yb5IjZK5k2H0a== and then";
    assertThat(found(text)).containsExactly("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk\n3yb5IjZK5k2H0a==");
  }

  @Test
  void assignmentsReportTheValueOnly() {
    String text = "aws_secret_access_key=\"" + AWS_SECRET + "\"";
    assertThat(Found.spans(recognizer, text)).containsExactly(new Span("SECRET", 23, 63));
    assertThat(found("DB_PASSWORD=Tr0ub4dor&3x")).containsExactly("Tr0ub4dor");
    assertThat(found("password: hunter22")).containsExactly("hunter22");
    assertThat(found("{\"token\": \"" + HEX + "\"}")).containsExactly(HEX);
    assertThat(found("client_secret = '" + AWS_SECRET + "';")).containsExactly(AWS_SECRET);
    assertThat(found("API_KEY := " + HEX)).containsExactly(HEX);
    assertThat(found("'apiKey' => '" + HEX + "'")).containsExactly(HEX);
    assertThat(found("x-api-key: " + ANTHROPIC)).containsExactly(ANTHROPIC);
    assertThat(found("OPENAI_API_KEY=" + OPENAI)).containsExactly(OPENAI);
    assertThat(found("https://api.example.com/v1?access_key=" + HEX + "&x=1")).containsExactly(HEX);
    assertThat(found("pwd:correcthorsebattery")).containsExactly("correcthorsebattery");
    assertThat(found("secret: " + HEX + ".")).containsExactly(HEX);
  }

  @Test
  void bearerTokens() {
    String token = "abcDEF123456ghiJKL789mno";
    assertThat(found("Authorization: Bearer " + token)).containsExactly(token);
    assertThat(found("authorization: bearer " + token)).containsExactly(token);
    assertThat(found("Bearer " + token + "\n")).containsExactly(token);
    assertThat(found("Bearer tokens are short-lived")).isEmpty();
    assertThat(found("Authorization: Bearer " + JwtRecognizerTest.JWT)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "password: required", "password: string", "Password: ********", "password=${DB_PASSWORD}", "password: <your-password>",
      "secret: env:OPENAI_API_KEY", "secret: file:/etc/warden/key", "token: your_api_key_here", "token_type: bearer",
      "max_tokens: 1024", "tokens: 123456789012345678", "api_key: null", "api_key = os.environ[\"API_KEY\"]",
      "password = request.getParameter(\"pw\")", "token: aaaaaaaaaaaaaaaaaaaaaaaa", "secret: ThisIsNotRandomEnough",
      "password == hunter22", "password != hunter22x", "Note: the password is set", "secret: {{ vault.secret }}",
      "token: xxxxxxxxxxxxxxxxxxxx", "password:", "api_key=\"unterminated 0ac2f86702824c1c099724caf4941d40"})
  void placeholdersAndProseAreNotSecrets(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void severalSecretsInOrder() {
    String text = "a=1 OPENAI_API_KEY=" + OPENAI + " and " + GITHUB + " then password: hunter22.";
    assertThat(found(text)).containsExactly(OPENAI, GITHUB, "hunter22");
  }

  @Test
  void unicodeTextAround() {
    String japanese = "キーは" + GITHUB + "です";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("SECRET", 3, 3 + GITHUB.length()));
    assertThat(found("Mein Passwort=Geheim123! – bitte nicht teilen")).containsExactly("Geheim123!");
    assertThat(found("🔐" + STRIPE + "🔐")).containsExactly(STRIPE);
    assertThat(found("clé=" + AWS_KEY_ID)).containsExactly(AWS_KEY_ID);
  }

  @Test
  void entropyIsShannonInBitsPerChar() {
    int[] counts = new int[128];
    assertThat(SecretRecognizer.entropy("aaaa", 0, 4, counts)).isEqualTo(0.0);
    assertThat(SecretRecognizer.entropy("abab", 0, 4, counts)).isEqualTo(1.0);
    assertThat(SecretRecognizer.entropy("abcd", 0, 4, counts)).isEqualTo(2.0);
  }
}
