package dev.warden.agent.wire.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;

/** Accumulates matched values into a {@link ResponseSummary}. One per response; not thread-safe. */
final class SummaryCollector {

  private String model;
  private Long inputTokens;
  private Long outputTokens;
  private ArrayList<String> finishReasons;
  private String stopReason;
  private String status;
  private String incompleteReason;
  /** Type of the event being scanned, cleared by the stream observer before each event. */
  String eventType;

  /** Number of finish reasons seen so far. */
  int finishReasonCount() {
    return finishReasons == null ? 0 : finishReasons.size();
  }

  void accept(SummaryPaths.Target target, JsonParser parser, JsonToken token) throws IOException {
    switch (target) {
      case MODEL:
        if (token == JsonToken.VALUE_STRING) {
          model = parser.getText();
        }
        break;
      case INPUT_TOKENS:
        if (isLong(parser, token)) {
          inputTokens = parser.getLongValue();
        }
        break;
      case OUTPUT_TOKENS:
        if (isLong(parser, token)) {
          outputTokens = parser.getLongValue();
        }
        break;
      case FINISH_REASON:
        if (token == JsonToken.VALUE_STRING) {
          if (finishReasons == null) {
            finishReasons = new ArrayList<>(2);
          }
          finishReasons.add(parser.getText());
        }
        break;
      case STOP_REASON:
        if (token == JsonToken.VALUE_STRING) {
          stopReason = parser.getText();
        }
        break;
      case STATUS:
        if (token == JsonToken.VALUE_STRING) {
          String value = parser.getText();
          if (!value.equals("in_progress") && !value.equals("queued")) {
            status = value;
          }
        }
        break;
      case INCOMPLETE_REASON:
        if (token == JsonToken.VALUE_STRING) {
          incompleteReason = parser.getText();
        }
        break;
      case EVENT_TYPE:
        if (token == JsonToken.VALUE_STRING) {
          eventType = parser.getText();
        }
        break;
      default:
        break;
    }
  }

  private static boolean isLong(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
  }

  ResponseSummary toSummary(boolean complete) {
    ArrayList<String> reasons = finishReasons;
    String single = stopReason != null ? stopReason : incompleteReason != null ? incompleteReason : status;
    if (reasons == null) {
      reasons = new ArrayList<>(1);
      if (single != null) {
        reasons.add(single);
      }
    }
    return new ResponseSummary(model, inputTokens, outputTokens, reasons, complete);
  }
}
