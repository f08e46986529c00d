package dev.warden.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak hunt finds what it must, in each form, names label and source only, and refuses to search nothing. */
class LeakHuntTest {

  private final PlantedSecrets planted = new PlantedSecrets();

  @TempDir Path dir;

  private static List<byte[]> bytes(String text) {
    return List.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theValuesLookReal() {
    assertThat(planted.apiKey()).matches("sk-proj-[A-Za-z0-9]{48}");
    assertThat(planted.virtualKeySecret()).matches("sk-proj-[A-Za-z0-9]{48}").isNotEqualTo(planted.apiKey());
    assertThat(planted.card()).matches("4\\d{3}( \\d{4}){3}");
    assertThat(new PlantedSecrets().email()).isNotEqualTo(planted.email());
  }

  @Test
  void aCleanSourcePassesAndSaysWhatWasSearched() {
    LeakHunt.Report report = new LeakHunt(planted).bytes("clean", () -> bytes("nothing to see here")).assertNone();
    assertThat(report.sources()).isEqualTo(1);
    assertThat(report.bytes()).isEqualTo(19);
    assertThat(report.values()).isEqualTo(5);
  }

  @Test
  void aValueIsFoundAsWrittenInBase64AndAsBareDigitsWithoutBeingQuoted() throws IOException {
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("logs").resolve("app.log"), "key=" + planted.virtualKeySecret());
    assertThatThrownBy(() -> new LeakHunt(planted).tree(dir).assertNone())
        .hasMessageContaining("virtual key's secret in files under " + dir)
        .hasMessageNotContaining(planted.virtualKeySecret());
    String encoded = Base64.getEncoder().encodeToString(planted.apiKey().getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new LeakHunt(planted).bytes("spans", () -> bytes("auth " + encoded)).assertNone())
        .hasMessageContaining("api key in spans");
    String digits = planted.card().replace(" ", "");
    assertThatThrownBy(() -> new LeakHunt(planted).bytes("audit", () -> bytes("{\"n\":\"" + digits + "\"}")).assertNone())
        .hasMessageContaining("card number in audit");
    assertThatThrownBy(() -> new LeakHunt(planted).plant("audit key", "k-123456").bytes("out", () -> bytes("k-123456"))
        .assertNone()).hasMessageContaining("audit key in out");
  }

  @Test
  void aHuntThatSearchedNothingFails() {
    assertThatThrownBy(() -> new LeakHunt(planted).tree(dir).assertNone()).hasMessageContaining("searched nothing");
  }
}
