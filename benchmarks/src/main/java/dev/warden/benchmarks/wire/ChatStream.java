package dev.warden.benchmarks.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Chat Completions stream shaped like one OpenAI sends: a role chunk, content chunks of a few
 * words each, a finish chunk and {@code data: [DONE]}, each event as its own network read. Every
 * 40th content chunk starts one of the call's pseudonyms, which the next chunk ends: a model
 * writes a placeholder in several tokens, so the rewriter must hold the first half back.
 */
final class ChatStream {

  private static final String HEAD = "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":"
      + "\"chat.completion.chunk\",\"created\":1741569952,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":"
      + "\"default\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":";
  private static final String TAIL = ",\"logprobs\":null,\"finish_reason\":%s}]}";

  private static final String[] WORDS = ("Thank you for waiting. I have checked your order and the parcel is with the "
      + "courier, who expects to deliver it within two working days. I will send the tracking link and a short "
      + "summary of the warranty claim so that you have everything in one place.").split(" ");

  private ChatStream() {}

  /**
   * @param chunks       the number of {@code data:} chunks before {@code [DONE]}, at least 3
   * @param placeholders the call's pseudonyms, used in turn
   */
  static List<byte[]> events(int chunks, List<String> placeholders) {
    ObjectMapper json = new ObjectMapper();
    List<byte[]> events = new ArrayList<>(chunks + 1);
    events.add(event("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"));
    int word = 0;
    for (int i = 0; i < chunks - 2; i++) {
      String text;
      if (i % 40 == 20 && i + 1 < chunks - 2) {
        String placeholder = placeholders.get(i / 40 % placeholders.size());
        int half = placeholder.length() / 2;
        text = " at " + placeholder.substring(0, half);
        events.add(event(content(json, text), "null"));
        text = placeholder.substring(half) + ",";
        i++;
      } else {
        text = " " + WORDS[word++ % WORDS.length] + " " + WORDS[word++ % WORDS.length] + " "
            + WORDS[word++ % WORDS.length];
      }
      events.add(event(content(json, text), "null"));
    }
    events.add(event("{}", "\"stop\""));
    events.add("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    return events;
  }

  private static String content(ObjectMapper json, String text) {
    try {
      return "{\"content\":" + json.writeValueAsString(text) + "}";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] event(String delta, String finishReason) {
    return ("data: " + HEAD + delta + TAIL.formatted(finishReason) + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
