package dev.warden.policies.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryRuleTest {

  private static boolean denies(String rule, String group, String artifact, String version) {
    return LibraryRule.parse(rule).matches(group, artifact, MavenVersion.parse(version));
  }

  @Test
  void anEntryNamesGroupArtifactAndRange() {
    LibraryRule rule = LibraryRule.parse("com.openai:openai-java:<4.0.0");
    assertThat(rule.group()).isEqualTo("com.openai");
    assertThat(rule.artifact()).isEqualTo("openai-java");
    assertThat(rule.range().toString()).isEqualTo("<4.0.0");
    assertThat(LibraryRule.parse("com.azure:azure-ai-openai:(,1.0.0-beta.16],[1.0.0,1.0.2)").range().toString())
        .isEqualTo("(,1.0.0-beta.16],[1.0.0,1.0.2)");
  }

  @Test
  void theArtifactCoversItsModuleJarsButNotOtherArtifacts() {
    String rule = "com.openai:openai-java:<4.0.0";
    assertThat(denies(rule, "com.openai", "openai-java", "3.1.0")).isTrue();
    assertThat(denies(rule, "com.openai", "openai-java-core", "3.1.0")).isTrue();
    assertThat(denies(rule, "com.openai", "openai-java-client-okhttp", "3.1.0")).isTrue();
    assertThat(denies(rule, "com.openai", "openai-java-core", "4.101.0")).isFalse();
    assertThat(denies(rule, "com.openai", "openai-javax", "3.1.0")).isFalse();
    assertThat(denies(rule, "com.openai", "openai-java-", "3.1.0")).isFalse();
    assertThat(denies(rule, "com.openaix", "openai-java", "3.1.0")).isFalse();
    assertThat(denies(rule, "com", "openai-java", "3.1.0")).isFalse();
  }

  @Test
  void malformedEntriesSayWhatIsWrong() {
    assertThatThrownBy(() -> LibraryRule.parse("openai-java:<4")).hasMessageContaining("is not group:artifact:RANGE");
    assertThatThrownBy(() -> LibraryRule.parse(":openai-java:<4")).hasMessageContaining("the group is missing");
    assertThatThrownBy(() -> LibraryRule.parse("com.openai::<4")).hasMessageContaining("the artifact is missing");
    assertThatThrownBy(() -> LibraryRule.parse("com.openai:openai java:<4"))
        .hasMessageContaining("the artifact 'openai java' has the character ' '");
    assertThatThrownBy(() -> LibraryRule.parse("com.openai:openai-java:4.0")).hasMessageContaining("no version range");
    assertThatThrownBy(() -> LibraryRule.parse("com.openai:openai-java:")).hasMessageContaining("empty");
  }

  @Test
  void theDenyListAnswersTheFirstDeniedLibraryAndRemembersAnswers() {
    LibraryDenyList deny = new LibraryDenyList(List.of(LibraryRule.parse("com.openai:openai-java:<4.0.0"),
        LibraryRule.parse("com.anthropic:anthropic-java:[2.0,2.5)")));
    assertThat(deny.isEmpty()).isFalse();
    assertThat(deny.firstDenied(List.of("com.openai:openai-java-core:4.101.0"))).isNull();
    assertThat(deny.firstDenied(List.of("com.openai:openai-java-core:4.101.0", "com.openai:openai-java-core:3.0.0")))
        .isEqualTo("com.openai:openai-java-core:3.0.0");
    assertThat(deny.firstDenied(List.of("com.anthropic:anthropic-java-core:2.4.9"))).isEqualTo(
        "com.anthropic:anthropic-java-core:2.4.9");
    assertThat(deny.firstDenied(List.of("com.anthropic:anthropic-java-core:2.4.9"))).as("remembered").isEqualTo(
        "com.anthropic:anthropic-java-core:2.4.9");
    assertThat(deny.firstDenied(List.of("not-coordinates", "a:b"))).isNull();
    assertThat(new LibraryDenyList(List.of()).isEmpty()).isTrue();
  }
}
