package dev.warden.agent.wire.response;

/** Response bodies as the providers send them (ids shortened). */
final class ResponseSamples {

  private ResponseSamples() {}

  static final String CHAT_COMPLETION = """
      {
        "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
        "object": "chat.completion",
        "created": 1741570283,
        "model": "gpt-4o-2024-08-06",
        "choices": [
          {
            "index": 0,
            "message": {
              "role": "assistant",
              "content": "{\\"finish_reason\\": \\"fake\\", \\"model\\": \\"fake\\"}",
              "refusal": null,
              "annotations": []
            },
            "logprobs": null,
            "finish_reason": "stop"
          },
          {
            "index": 1,
            "message": {"role": "assistant", "content": "second", "refusal": null, "annotations": []},
            "logprobs": null,
            "finish_reason": "length"
          }
        ],
        "usage": {
          "prompt_tokens": 1117,
          "completion_tokens": 46,
          "total_tokens": 1163,
          "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
          "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
            "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
        },
        "service_tier": "default",
        "system_fingerprint": "fp_fc9f1d7035"
      }
      """;

  /** Chat Completions stream with {@code stream_options.include_usage}. */
  static final String CHAT_STREAM = ""
      + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,"
      + "\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],"
      + "\"usage\":null}\n\n"
      + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,"
      + "\"delta\":{\"content\":\"\\\"finish_reason\\\":\\\"x\\\" Hello\"},\"logprobs\":null,\"finish_reason\":null}],"
      + "\"usage\":null}\n\n"
      + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,"
      + "\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
      + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[],"
      + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n"
      + "data: [DONE]\n\n";

  static final String RESPONSE = "{\"id\":\"resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41\","
      + "\"object\":\"response\",\"created_at\":1741476777,\"status\":\"completed\",\"error\":null,"
      + "\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":null,\"model\":\"gpt-4o-2024-08-06\","
      + "\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
      + "\"content\":[{\"type\":\"output_text\",\"text\":\"In a peaceful grove...\",\"annotations\":[]}]}],"
      + "\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{\"effort\":null,\"summary\":null},"
      + "\"store\":true,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\","
      + "\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":{\"input_tokens\":328,"
      + "\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":52,"
      + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":380},\"user\":null,\"metadata\":{}}";

  private static final String RESPONSE_OBJECT_HEAD = "\"id\":\"resp_1\",\"object\":\"response\","
      + "\"created_at\":1741290958,\"error\":null,\"instructions\":\"You are a helpful assistant.\","
      + "\"max_output_tokens\":null,\"model\":\"gpt-4.1-2025-04-14\",\"parallel_tool_calls\":true,"
      + "\"previous_response_id\":null,\"reasoning\":{\"effort\":null,\"summary\":null},\"store\":true,"
      + "\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\",\"tools\":[],"
      + "\"top_p\":1.0,\"truncation\":\"disabled\",\"user\":null,\"metadata\":{}";

  static final String RESPONSES_STREAM = ""
      + "event: response.created\n"
      + "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{" + RESPONSE_OBJECT_HEAD
      + ",\"status\":\"in_progress\",\"incomplete_details\":null,\"output\":[],\"usage\":null}}\n\n"
      + "event: response.in_progress\n"
      + "data: {\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":{" + RESPONSE_OBJECT_HEAD
      + ",\"status\":\"in_progress\",\"incomplete_details\":null,\"output\":[],\"usage\":null}}\n\n"
      + "event: response.output_item.added\n"
      + "data: {\"type\":\"response.output_item.added\",\"sequence_number\":2,\"output_index\":0,\"item\":{"
      + "\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}\n\n"
      + "event: response.content_part.added\n"
      + "data: {\"type\":\"response.content_part.added\",\"sequence_number\":3,\"item_id\":\"msg_1\","
      + "\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}\n\n"
      + "event: response.output_text.delta\n"
      + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_1\","
      + "\"output_index\":0,\"content_index\":0,\"delta\":\"Hi there!\"}\n\n"
      + "event: response.output_text.done\n"
      + "data: {\"type\":\"response.output_text.done\",\"sequence_number\":5,\"item_id\":\"msg_1\","
      + "\"output_index\":0,\"content_index\":0,\"text\":\"Hi there!\"}\n\n"
      + "event: response.output_item.done\n"
      + "data: {\"type\":\"response.output_item.done\",\"sequence_number\":6,\"output_index\":0,\"item\":{"
      + "\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":["
      + "{\"type\":\"output_text\",\"text\":\"Hi there!\",\"annotations\":[]}]}}\n\n"
      + "event: response.completed\n"
      + "data: {\"type\":\"response.completed\",\"sequence_number\":7,\"response\":{" + RESPONSE_OBJECT_HEAD
      + ",\"status\":\"completed\",\"incomplete_details\":null,\"output\":[{\"id\":\"msg_1\",\"type\":\"message\","
      + "\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi there!\","
      + "\"annotations\":[]}]}],\"usage\":{\"input_tokens\":37,\"input_tokens_details\":{\"cached_tokens\":0},"
      + "\"output_tokens\":11,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":48}}}\n\n";

  static final String RESPONSES_STREAM_INCOMPLETE = ""
      + "event: response.created\n"
      + "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{" + RESPONSE_OBJECT_HEAD
      + ",\"status\":\"in_progress\",\"incomplete_details\":null,\"output\":[],\"usage\":null}}\n\n"
      + "event: response.incomplete\n"
      + "data: {\"type\":\"response.incomplete\",\"sequence_number\":9,\"response\":{" + RESPONSE_OBJECT_HEAD
      + ",\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"output\":[],"
      + "\"usage\":{\"input_tokens\":37,\"output_tokens\":16,\"total_tokens\":53}}}\n\n";

  static final String ANTHROPIC_MESSAGE = "{\"id\":\"msg_013Zva2CMHLNnXjNJJKqJ2EF\",\"type\":\"message\","
      + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\","
      + "\"text\":\"Hi! My name is Claude.\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
      + "\"usage\":{\"input_tokens\":2095,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
      + "\"output_tokens\":503,\"service_tier\":\"standard\"}}";

  static final String ANTHROPIC_STREAM = ""
      + "event: message_start\n"
      + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\","
      + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\","
      + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,"
      + "\"cache_read_input_tokens\":0,\"output_tokens\":1}}}\n\n"
      + "event: content_block_start\n"
      + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
      + "event: ping\n"
      + "data: {\"type\": \"ping\"}\n\n"
      + "event: content_block_delta\n"
      + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n"
      + "event: content_block_delta\n"
      + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"!\"}}\n\n"
      + "event: content_block_stop\n"
      + "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
      + "event: message_delta\n"
      + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
      + "\"usage\":{\"output_tokens\":15}}\n\n"
      + "event: message_stop\n"
      + "data: {\"type\":\"message_stop\"}\n\n";

  static final String EMBEDDINGS = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
      + "\"embedding\":[0.0023064255,-0.009327292,-0.0028842222]}],\"model\":\"text-embedding-3-small\","
      + "\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}";
}
