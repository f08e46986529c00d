package dev.warden.agent.wire.response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where one response format keeps the fields of a {@link ResponseSummary}: a table of JSON paths,
 * plus, for event streams, what marks the regular end. Immutable; built once per format.
 *
 * <p>A path lists the field names from the root of the document (or of each event's data) to a
 * scalar value; {@link #ANY_ELEMENT} stands for any element of an array. Paths are matched while
 * the JSON streams by, so no tree is built and nothing else is kept.
 */
public final class SummaryPaths {

  /** Path step matching any element of an array. */
  public static final String ANY_ELEMENT = "[]";

  /** What a matched value contributes to the summary. */
  public enum Target {
    /** The responding model; the last one seen wins. */
    MODEL,
    /** Input token count; the last one seen wins (usage is cumulative where it repeats). */
    INPUT_TOKENS,
    /** Output token count; the last one seen wins. */
    OUTPUT_TOKENS,
    /** A finish reason per choice; each non-null one is appended. */
    FINISH_REASON,
    /** The single stop reason of the response; the last non-null one wins. */
    STOP_REASON,
    /** A terminal status (completed, incomplete, failed, cancelled); in_progress and queued are ignored. */
    STATUS,
    /** Why the response is incomplete; preferred over the status as the finish reason. */
    INCOMPLETE_REASON,
    /** The event's type, where the {@code event:} field is missing. */
    EVENT_TYPE
  }

  final String[][] paths;
  final Target[] targets;
  final int maxLength;
  final byte[] doneData;
  final String[] terminalEvents;
  final boolean endsAtFinishReason;

  private SummaryPaths(Builder builder) {
    this.paths = builder.paths.toArray(new String[0][]);
    this.targets = builder.targets.toArray(new Target[0]);
    int max = 0;
    for (String[] path : paths) {
      max = Math.max(max, path.length);
    }
    this.maxLength = max;
    this.doneData = builder.doneData;
    this.terminalEvents = builder.terminalEvents;
    this.endsAtFinishReason = builder.endsAtFinishReason;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the event of this type ends the stream regularly. */
  boolean isTerminal(String eventType) {
    for (String terminal : terminalEvents) {
      if (terminal.equals(eventType)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the event data is the sentinel that ends the stream regularly. */
  boolean isDone(byte[] data, int length) {
    return doneData != null && length == doneData.length && Arrays.equals(data, 0, length, doneData, 0, length);
  }

  /** Builds a {@link SummaryPaths}; not thread-safe. */
  public static final class Builder {

    private final List<String[]> paths = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private byte[] doneData;
    private String[] terminalEvents = new String[0];
    private boolean endsAtFinishReason;

    private Builder() {}

    /** Sends the scalar at {@code path} to {@code target}. */
    public Builder add(Target target, String... path) {
      if (path.length == 0) {
        throw new IllegalArgumentException("empty path");
      }
      if (path.length > JsonPathScanner.MAX_DEPTH) {
        throw new IllegalArgumentException("path deeper than " + JsonPathScanner.MAX_DEPTH);
      }
      paths.add(path.clone());
      targets.add(target);
      return this;
    }

    /** Event data (ASCII) that ends the stream regularly, like OpenAI's {@code [DONE]}. */
    public Builder doneData(String data) {
      this.doneData = data.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      return this;
    }

    /** Event types that end the stream regularly. */
    public Builder terminalEvents(String... types) {
      this.terminalEvents = types.clone();
      return this;
    }

    /**
     * The event in which a {@link Target#FINISH_REASON} appears ends the stream regularly: for a
     * format whose stream has no end event of its own (Gemini's last response carries the reason).
     */
    public Builder endsAtFinishReason() {
      this.endsAtFinishReason = true;
      return this;
    }

    public SummaryPaths build() {
      return new SummaryPaths(this);
    }
  }
}
