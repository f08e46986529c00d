package dev.warden.training.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

  private final List<Example> rows = List.of(
      new Example("1", "", 1, "jbb_GCG", "", "user"),
      new Example("2", "", 1, "jbb_DSN", "", "user"),
      new Example("3", "", 0, "wildguard_benign", "", "user"),
      new Example("4", "", 0, "bipia_train_clean_email", "", "tool"),
      new Example("5", "", 1, "bipia_train_planted", "", "tool"));

  @Test
  void countsAtTheThresholdPerSourceGroupedByFamily() {
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("fused", new double[] {0.7, 0.69, 0.9, 0.1, 0.8});
    String table = ScoreTable.render(rows, columns, 0.7, true);
    assertThat(table).contains("| jbb | jbb_GCG | user | 1 | 0 | 100.0 |  |")
        .contains("| jbb | jbb_DSN | user | 1 | 0 | 0.0 |  |")
        .contains("| wildguard_benign | wildguard_benign | user | 0 | 1 |  | 100.0 |")
        .contains("| bipia | bipia_train_planted | tool | 1 | 0 | 100.0 |  |")
        .contains("| **all** | pooled |  | 3 | 2 | 66.7 | 50.0 |");
    String summary = ScoreTable.summary(rows, columns, 0.7, List.of("wildguard_benign"));
    assertThat(summary).contains("| fused |  66.7 |  50.0 | 100.0 |   0.0 |   0.0 |");
  }
}
