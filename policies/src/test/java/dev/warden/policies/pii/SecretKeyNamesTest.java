package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretKeyNamesTest {

  private static int kind(String name) {
    return SecretKeyNames.kind(name, 0, name.length());
  }

  @Test
  void passwordWordsAnywhereAnyCase() {
    assertThat(kind("DB_PASSWORD")).isEqualTo(SecretKeyNames.PASSWORD);
    assertThat(kind("passwd")).isEqualTo(SecretKeyNames.PASSWORD);
    assertThat(kind("userPwd")).isEqualTo(SecretKeyNames.PASSWORD);
    assertThat(kind("Kennwort")).isEqualTo(SecretKeyNames.PASSWORD);
    assertThat(kind("mot_de_passe")).isEqualTo(SecretKeyNames.PASSWORD);
    assertThat(kind("senha")).isEqualTo(SecretKeyNames.PASSWORD);
  }

  @Test
  void secretWordsAnywhereAnyCase() {
    assertThat(kind("clientSecret")).isEqualTo(SecretKeyNames.SECRET);
    assertThat(kind("X-API-KEY")).isEqualTo(SecretKeyNames.SECRET);
    assertThat(kind("aws_access_key_id")).isEqualTo(SecretKeyNames.SECRET);
    assertThat(kind("refresh_token")).isEqualTo(SecretKeyNames.SECRET);
    assertThat(kind("credentials")).isEqualTo(SecretKeyNames.SECRET);
    assertThat(kind("tok")).isEqualTo(SecretKeyNames.NONE);
    assertThat(kind("pwd")).isEqualTo(SecretKeyNames.PASSWORD);
    assertThat(kind("XPWD")).isEqualTo(SecretKeyNames.PASSWORD);
  }

  @Test
  void passwordBeatsAuthorizationBeatsSecret() {
    assertThat(kind("token_password")).isEqualTo(SecretKeyNames.PASSWORD);
    assertThat(kind("Authorization")).isEqualTo(SecretKeyNames.AUTHORIZATION);
    assertThat(kind("authorization_token")).isEqualTo(SecretKeyNames.AUTHORIZATION);
    assertThat(kind("token_authorization")).isEqualTo(SecretKeyNames.AUTHORIZATION);
  }

  @Test
  void otherNamesSayNothing() {
    assertThat(kind("tool_call_id")).isEqualTo(SecretKeyNames.NONE);
    assertThat(kind("pass")).isEqualTo(SecretKeyNames.NONE);
    assertThat(kind("tokn")).isEqualTo(SecretKeyNames.NONE);
    assertThat(kind("aptorization")).isEqualTo(SecretKeyNames.NONE);
    assertThat(kind("pa")).isEqualTo(SecretKeyNames.NONE);
    assertThat(kind("")).isEqualTo(SecretKeyNames.NONE);
  }

  @Test
  void onlyTheGivenRangeCounts() {
    String text = "my_secret: x; session_id";
    assertThat(SecretKeyNames.kind(text, 0, 9)).isEqualTo(SecretKeyNames.SECRET);
    assertThat(SecretKeyNames.kind(text, 0, 8)).isEqualTo(SecretKeyNames.NONE);
    assertThat(SecretKeyNames.kind(text, 4, 9)).isEqualTo(SecretKeyNames.NONE);
  }
}
