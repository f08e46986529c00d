package dev.warden.agent.wire.rewrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Response bodies shaped as the providers (and the demo's fake provider) send them, carrying a
 * completion text with placeholders.
 */
public final class ProviderBodies {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * A completion as the model writes it: placeholders, a partial one, an invented one, non-ASCII,
   * and a last character that the rewriter holds back until the channel ends.
   */
  public static final String TEXT = "Hi " + PlaceholderRewriter.NAME + ", I wrote to "
      + PlaceholderRewriter.EMAIL + " \u2014 reply to " + PlaceholderRewriter.EMAIL + "! \u00dcber \ud83d\ude00 "
      + "<EMAIL_1a2 is cut, <UNKNOWN_0000> is invented. Ends with " + PlaceholderRewriter.EMAIL + " <";

  /** What the application must read. */
  public static final String EXPECTED = new PlaceholderRewriter().rewrite(TEXT);

  /** {@link #TEXT} cut into deltas of 1 to 7 characters, never inside a surrogate pair. */
  public static final List<String> DELTAS = pieces(TEXT, 3, 1, 7, 2, 5, 4, 6, 1, 1, 3);

  /**
   * Tool call arguments as the model writes them, JSON text: placeholders in strings (one whose
   * value needs escapes, one after the model's own escapes), an invented one, a number.
   */
  public static final String ARGUMENTS = "{\"to\":\"" + PlaceholderRewriter.EMAIL + "\",\"cc\":[\""
      + PlaceholderRewriter.NAME + "\"],\"note\":\"for " + PlaceholderRewriter.NAME + ",\\n not <UNKNOWN_0000> \\\""
      + PlaceholderRewriter.EMAIL + "\\\"\",\"n\":4155550123}";

  /** What the application must read as arguments: values restored, escaped for the strings they are in. */
  public static final String ARGUMENTS_EXPECTED = new PlaceholderRewriter().forJsonText().rewrite(ARGUMENTS);

  /** {@link #ARGUMENTS} cut into fragments of 1 to 7 characters. */
  public static final List<String> ARGUMENT_DELTAS = pieces(ARGUMENTS, 3, 1, 7, 2, 5, 4, 6, 1, 1, 3);

  private ProviderBodies() {}

  /** JSON string literal, quotes included, as Jackson writes it. */
  public static String q(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON-escaped form of {@code text}, without quotes. */
  public static String escaped(String text) {
    String quoted = q(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  /** {@code raw} with each placeholder replaced by its escaped value: what a whole-text rewrite does to JSON. */
  public static String restoredJson(String raw) {
    return raw.replace(PlaceholderRewriter.EMAIL, escaped(PlaceholderRewriter.EMAIL_VALUE))
        .replace(PlaceholderRewriter.NAME, escaped(PlaceholderRewriter.NAME_VALUE));
  }

  /**
   * {@code raw} with each placeholder replaced by its value escaped twice: what a whole rewrite of
   * JSON text (arguments) held in a JSON string does.
   */
  public static String restoredJsonText(String raw) {
    return raw.replace(PlaceholderRewriter.EMAIL, escaped(escaped(PlaceholderRewriter.EMAIL_VALUE)))
        .replace(PlaceholderRewriter.NAME, escaped(escaped(PlaceholderRewriter.NAME_VALUE)));
  }

  /** Cuts {@code text} into pieces of the given sizes in turn, moving a cut that would split a surrogate pair. */
  public static List<String> pieces(String text, int... sizes) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int k = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + sizes[k++ % sizes.length]);
      if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
        end++;
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }

  // ---- OpenAI Chat Completions

  private static final String CHUNK_HEAD = "{\"id\":\"chatcmpl-BpIVz3rO6ueBS1nvyWsmDkd0HbbcD\","
      + "\"object\":\"chat.completion.chunk\",\"created\":1751551859,\"model\":\"gpt-4o-mini-2024-07-18\","
      + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_34a54ae93c\",\"choices\":[";

  private static String chunk(String choice, String usage) {
    return "data: " + CHUNK_HEAD + choice + "],\"usage\":" + usage + "}\n\n";
  }

  /** A chat stream with {@code stream_options.include_usage}, as openai-java receives it. */
  public static String chatStream(List<String> deltas) {
    StringBuilder s = new StringBuilder();
    s.append(chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
        + "\"logprobs\":null,\"finish_reason\":null}", "null"));
    for (String delta : deltas) {
      s.append(chunk("{\"index\":0,\"delta\":{\"content\":" + q(delta) + "},\"logprobs\":null,\"finish_reason\":null}",
          "null"));
    }
    s.append(chunk("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}", "null"));
    s.append("data: " + CHUNK_HEAD + "],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":41,"
        + "\"total_tokens\":60,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
        + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}\n\n");
    s.append("data: [DONE]\n\n");
    return s.toString();
  }

  private static final String USAGE_CHUNK = "data: " + CHUNK_HEAD + "],\"usage\":{\"prompt_tokens\":19,"
      + "\"completion_tokens\":41,\"total_tokens\":60}}\n\n";

  /** A chat stream in which the model calls one tool, its arguments cut into {@code argumentDeltas}. */
  public static String chatToolStream(List<String> argumentDeltas) {
    StringBuilder s = new StringBuilder();
    s.append(chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
        + "\"id\":\"call_DdmO9pD3xa9XTPNJ32zg2hcA\",\"type\":\"function\",\"function\":{\"name\":\"send_mail\","
        + "\"arguments\":\"\"}}],\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}", "null"));
    for (String delta : argumentDeltas) {
      s.append(chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + q(delta)
          + "}}]},\"logprobs\":null,\"finish_reason\":null}", "null"));
    }
    s.append(chunk("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}", "null"));
    s.append(USAGE_CHUNK);
    s.append("data: [DONE]\n\n");
    return s.toString();
  }

  public static String chatCompletion(String content, String toolArguments) {
    return "{\n  \"id\": \"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\n  \"object\": \"chat.completion\",\n"
        + "  \"created\": 1741570283,\n  \"model\": \"gpt-4o-2024-08-06\",\n  \"choices\": [\n    {\n"
        + "      \"index\": 0,\n      \"message\": {\n        \"role\": \"assistant\",\n"
        + "        \"content\": " + q(content) + ",\n        \"refusal\": null,\n        \"annotations\": []\n"
        + "      },\n      \"logprobs\": null,\n      \"finish_reason\": \"stop\"\n    },\n    {\n"
        + "      \"index\": 1,\n      \"message\": {\n        \"role\": \"assistant\",\n        \"content\": null,\n"
        + "        \"tool_calls\": [{\"id\": \"call_abc123\", \"type\": \"function\", \"function\": {\"name\": "
        + "\"send_mail\", \"arguments\": " + q(toolArguments) + "}}],\n        \"refusal\": null,\n"
        + "        \"annotations\": []\n      },\n      \"logprobs\": null,\n      \"finish_reason\": \"tool_calls\"\n"
        + "    }\n  ],\n  \"usage\": {\n    \"prompt_tokens\": 1117,\n    \"completion_tokens\": 46,\n"
        + "    \"total_tokens\": 1163,\n    \"prompt_tokens_details\": {\"cached_tokens\": 0, \"audio_tokens\": 0},\n"
        + "    \"completion_tokens_details\": {\"reasoning_tokens\": 0, \"audio_tokens\": 0, "
        + "\"accepted_prediction_tokens\": 0, \"rejected_prediction_tokens\": 0}\n  },\n"
        + "  \"service_tier\": \"default\",\n  \"system_fingerprint\": \"fp_fc9f1d7035\"\n}\n";
  }

  // ---- OpenAI Responses

  private static String responseObject(String status, String output, String usage) {
    return "{\"id\":\"resp_68b2\",\"object\":\"response\",\"created_at\":1756543000,\"status\":\"" + status + "\","
        + "\"background\":false,\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
        + "\"max_output_tokens\":null,\"model\":\"gpt-4.1-2025-04-14\",\"output\":[" + output + "],"
        + "\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{\"effort\":null,\"summary\":null},"
        + "\"service_tier\":\"default\",\"store\":true,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},"
        + "\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":" + usage + ","
        + "\"user\":null,\"metadata\":{}}";
  }

  private static String outputText(String text) {
    return "{\"type\":\"output_text\",\"text\":" + q(text) + ",\"annotations\":[],\"logprobs\":[]}";
  }

  private static String messageItem(String status, String content) {
    return "{\"type\":\"message\",\"id\":\"msg_68b2\",\"status\":\"" + status + "\",\"role\":\"assistant\","
        + "\"content\":[" + content + "]}";
  }

  private static String functionCall(String status, String arguments) {
    return "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"send_mail\","
        + "\"arguments\":" + q(arguments) + ",\"status\":\"" + status + "\"}";
  }

  private static final String USAGE = "{\"input_tokens\":37,\"input_tokens_details\":{\"cached_tokens\":0},"
      + "\"output_tokens\":41,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":78}";

  /** A Responses body: a message with one output_text part, then a function call. */
  public static String response(String text, String arguments) {
    return responseObject("completed", messageItem("completed", outputText(text)) + ","
        + functionCall("completed", arguments), USAGE);
  }

  private static String event(String type, int sequence, String rest) {
    return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + sequence + rest + "}\n\n";
  }

  /** The event sequence of one text message, as the Responses API streams it. */
  public static String responsesStream(List<String> deltas) {
    String text = String.join("", deltas);
    String part = ",\"item_id\":\"msg_68b2\",\"output_index\":0,\"content_index\":0";
    StringBuilder s = new StringBuilder();
    int n = 0;
    s.append(event("response.created", n++, ",\"response\":" + responseObject("in_progress", "", "null")));
    s.append(event("response.in_progress", n++, ",\"response\":" + responseObject("in_progress", "", "null")));
    s.append(event("response.output_item.added", n++, ",\"output_index\":0,\"item\":" + messageItem("in_progress", "")));
    s.append(event("response.content_part.added", n++, part + ",\"part\":" + outputText("")));
    for (String delta : deltas) {
      s.append(event("response.output_text.delta", n++, part + ",\"delta\":" + q(delta) + ",\"logprobs\":[]"));
    }
    s.append(event("response.output_text.done", n++, part + ",\"text\":" + q(text) + ",\"logprobs\":[]"));
    s.append(event("response.content_part.done", n++, part + ",\"part\":" + outputText(text)));
    s.append(event("response.output_item.done", n++,
        ",\"output_index\":0,\"item\":" + messageItem("completed", outputText(text))));
    s.append(event("response.completed", n++,
        ",\"response\":" + responseObject("completed", messageItem("completed", outputText(text)), USAGE)));
    return s.toString();
  }

  /** The event sequence of one function call, its arguments cut into {@code argumentDeltas}, as the Responses API streams it. */
  public static String responsesToolStream(List<String> argumentDeltas) {
    String arguments = String.join("", argumentDeltas);
    String call = ",\"item_id\":\"fc_1\",\"output_index\":0";
    StringBuilder s = new StringBuilder();
    int n = 0;
    s.append(event("response.created", n++, ",\"response\":" + responseObject("in_progress", "", "null")));
    s.append(event("response.in_progress", n++, ",\"response\":" + responseObject("in_progress", "", "null")));
    s.append(event("response.output_item.added", n++,
        ",\"output_index\":0,\"item\":" + functionCall("in_progress", "")));
    for (String delta : argumentDeltas) {
      s.append(event("response.function_call_arguments.delta", n++,
          call + ",\"delta\":" + q(delta) + ",\"obfuscation\":\"x1\""));
    }
    s.append(event("response.function_call_arguments.done", n++, call + ",\"arguments\":" + q(arguments)));
    s.append(event("response.output_item.done", n++,
        ",\"output_index\":0,\"item\":" + functionCall("completed", arguments)));
    s.append(event("response.completed", n++,
        ",\"response\":" + responseObject("completed", functionCall("completed", arguments), USAGE)));
    return s.toString();
  }

  // ---- Anthropic Messages

  private static final String MESSAGE_HEAD = "{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\","
      + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\"";

  private static String usage(int outputTokens) {
    return "{\"input_tokens\":25,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
        + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":0},"
        + "\"output_tokens\":" + outputTokens + ",\"server_tool_use\":null,\"service_tier\":\"standard\"}";
  }

  /** A Messages body: a text block, a tool use with {@code input} (a JSON object), another text block. */
  public static String message(String text, String input, String secondText) {
    return MESSAGE_HEAD + ",\"content\":[{\"type\":\"text\",\"text\":" + q(text) + ",\"citations\":null},"
        + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"send_mail\",\"input\":" + input + "},"
        + "{\"type\":\"text\",\"text\":" + q(secondText) + "}],"
        + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":" + usage(503) + "}";
  }

  private static String named(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  /** The event sequence of one text block, as the Messages API streams it. */
  public static String anthropicStream(List<String> deltas) {
    StringBuilder s = new StringBuilder();
    s.append(named("message_start", "{\"type\":\"message_start\",\"message\":" + MESSAGE_HEAD
        + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + usage(1) + "}}"));
    s.append(named("content_block_start",
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    s.append(named("ping", "{\"type\": \"ping\"}"));
    for (String delta : deltas) {
      s.append(named("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":" + q(delta) + "}}"));
    }
    s.append(named("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    s.append(named("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
        + "\"stop_sequence\":null},\"usage\":{\"input_tokens\":25,\"output_tokens\":41,"
        + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"server_tool_use\":null}}"));
    s.append(named("message_stop", "{\"type\":\"message_stop\"}"));
    return s.toString();
  }

  /** The event sequence of one tool use, its input cut into {@code partialJson} fragments, as the Messages API streams it. */
  public static String anthropicToolStream(List<String> partialJson) {
    StringBuilder s = new StringBuilder();
    s.append(named("message_start", "{\"type\":\"message_start\",\"message\":" + MESSAGE_HEAD
        + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + usage(1) + "}}"));
    s.append(named("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
        + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"send_mail\",\"input\":{}}}"));
    for (String fragment : partialJson) {
      s.append(named("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + q(fragment) + "}}"));
    }
    s.append(named("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    s.append(named("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":41}}"));
    s.append(named("message_stop", "{\"type\":\"message_stop\"}"));
    return s.toString();
  }

  // ---- Gemini API

  private static final String GEMINI_TAIL = ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"fdJ8aPOcC8OmvdIP2pzd4Qc\"}";

  private static String geminiUsage(int candidates) {
    return "\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":" + candidates
        + ",\"totalTokenCount\":" + (12 + candidates) + ",\"promptTokensDetails\":[{\"modality\":\"TEXT\","
        + "\"tokenCount\":12}]}";
  }

  /** A GenerateContentResponse: a text part, a function call with {@code args} (a JSON object), another text part. */
  public static String geminiResponse(String text, String args, String secondText) {
    return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + q(text) + "},{\"functionCall\":"
        + "{\"name\":\"send_mail\",\"args\":" + args + "}},{\"text\":" + q(secondText) + "}],\"role\":\"model\"},"
        + "\"finishReason\":\"STOP\",\"index\":0}]," + geminiUsage(41) + GEMINI_TAIL;
  }

  /**
   * A {@code streamGenerateContent?alt=sse} stream: one whole response per text delta, the last
   * with the finish reason and the final usage; no end event.
   */
  public static String geminiStream(List<String> deltas) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < deltas.size(); i++) {
      boolean last = i == deltas.size() - 1;
      s.append("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":").append(q(deltas.get(i)))
          .append("}],\"role\":\"model\"}").append(last ? ",\"finishReason\":\"STOP\"" : "")
          .append(",\"index\":0}],").append(geminiUsage(last ? 41 : 0)).append(GEMINI_TAIL).append("\n\n");
    }
    return s.toString();
  }
}
