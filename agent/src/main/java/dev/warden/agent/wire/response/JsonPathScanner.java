package dev.warden.agent.wire.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Follows a JSON token stream, keeping only the path to the current value, and hands the scalars
 * found at the paths of a {@link SummaryPaths} to a {@link SummaryCollector}. Allocation-free per
 * token; not thread-safe.
 */
final class JsonPathScanner {

  /** Longest supported path; deeper values are walked past but never matched. */
  static final int MAX_DEPTH = 8;

  private final SummaryPaths paths;
  private final SummaryCollector collector;
  /** segments[d]: the step (field name or ANY_ELEMENT) to the container at depth d, for d ≥ 2. */
  private final String[] segments = new String[MAX_DEPTH + 2];
  private final boolean[] arrays = new boolean[MAX_DEPTH + 2];
  private int depth;
  private String fieldName;

  JsonPathScanner(SummaryPaths paths, SummaryCollector collector) {
    this.paths = paths;
    this.collector = collector;
  }

  void reset() {
    depth = 0;
    fieldName = null;
  }

  /**
   * Takes the next token.
   *
   * @return true when it completes the root value
   */
  boolean onToken(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case FIELD_NAME:
        fieldName = parser.currentName();
        return false;
      case START_OBJECT:
      case START_ARRAY:
        String step = currentStep();
        depth++;
        if (depth < segments.length) {
          segments[depth] = step;
          arrays[depth] = token == JsonToken.START_ARRAY;
        }
        return false;
      case END_OBJECT:
      case END_ARRAY:
        depth--;
        return depth == 0;
      default:
        if (depth >= 1 && depth <= paths.maxLength) {
          match(parser, token, currentStep());
        }
        return depth == 0;
    }
  }

  /** The step from the current container to the value that starts now. */
  private String currentStep() {
    if (depth == 0) {
      return null;
    }
    return depth < arrays.length && arrays[depth] ? SummaryPaths.ANY_ELEMENT : fieldName;
  }

  private void match(JsonParser parser, JsonToken token, String last) throws IOException {
    String[][] all = paths.paths;
    for (int k = 0; k < all.length; k++) {
      String[] path = all[k];
      if (path.length != depth || !path[depth - 1].equals(last)) {
        continue;
      }
      boolean same = true;
      for (int j = 0; j < depth - 1 && same; j++) {
        same = path[j].equals(segments[j + 2]);
      }
      if (same) {
        collector.accept(paths.targets[k], parser, token);
      }
    }
  }
}
