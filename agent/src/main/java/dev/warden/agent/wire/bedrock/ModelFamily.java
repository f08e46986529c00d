package dev.warden.agent.wire.bedrock;

import java.util.List;

/**
 * The body family of a Bedrock model id, which decides the InvokeModel body: the provider prefix
 * of the id ({@code anthropic.claude-…}), after any inference profile region ({@code us.},
 * {@code eu.}, {@code global.}, …) and ARN path. An application inference profile ARN names no
 * family: its body is read by its fields.
 */
enum ModelFamily {
  ANTHROPIC(List.of("max_tokens")),
  META(List.of("max_gen_len")),
  /** Titan and Nova: their limits are nested, so a key scope's clamp does not apply. */
  AMAZON(List.of()),
  OTHER(List.of("max_tokens"));

  private final List<String> outputTokenFields;

  ModelFamily(List<String> outputTokenFields) {
    this.outputTokenFields = outputTokenFields;
  }

  List<String> outputTokenFields() {
    return outputTokenFields;
  }

  static ModelFamily of(String modelId) {
    String id = modelId.substring(modelId.lastIndexOf('/') + 1);
    int dot = id.indexOf('.');
    String prefix = dot < 0 ? id : id.substring(0, dot);
    if (isRegion(prefix) && dot >= 0) {
      int next = id.indexOf('.', dot + 1);
      prefix = next < 0 ? "" : id.substring(dot + 1, next);
    }
    switch (prefix) {
      case "anthropic": return ANTHROPIC;
      case "meta": return META;
      case "amazon": return AMAZON;
      default: return OTHER;
    }
  }

  private static boolean isRegion(String prefix) {
    switch (prefix) {
      case "us": case "eu": case "apac": case "global": case "us-gov": case "ca": case "jp": case "au":
        return true;
      default:
        return false;
    }
  }
}
