package dev.warden.agent.wire.fuzz;

import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.WireTestSupport;
import dev.warden.agent.wire.bedrock.BedrockRoutes;
import java.util.List;

/**
 * One route per wire format and body family the adapters read: the fuzz targets pick one with the
 * input's last byte, so a seed file is the body followed by the index of its route here. Append
 * new routes at the end: the committed seeds name routes by index.
 */
final class FuzzRoutes {

  private static final BedrockRoutes BEDROCK = new BedrockRoutes("bedrock");

  /** Azure OpenAI speaks OpenAI's bodies through the same adapters, so it needs no entry of its own. */
  static final List<Route> ALL = List.of(
      WireTestSupport.OPENAI_CHAT,                                    // 0
      WireTestSupport.OPENAI_RESPONSES,                               // 1
      WireTestSupport.OPENAI_EMBEDDINGS,                              // 2
      WireTestSupport.ANTHROPIC_MESSAGES,                             // 3
      WireTestSupport.GEMINI_GENERATE,                                // 4
      WireTestSupport.GEMINI_STREAM,                                  // 5
      WireTestSupport.GEMINI_EMBED,                                   // 6
      bedrock("anthropic.claude-3-haiku-20240307-v1:0", "converse"),  // 7
      bedrock("anthropic.claude-3-haiku-20240307-v1:0", "converse-stream"), // 8
      bedrock("anthropic.claude-3-haiku-20240307-v1:0", "invoke"),    // 9
      bedrock("us.anthropic.claude-3-haiku-20240307-v1:0", "invoke-with-response-stream"), // 10
      bedrock("meta.llama3-8b-instruct-v1:0", "invoke"),              // 11
      bedrock("meta.llama3-8b-instruct-v1:0", "invoke-with-response-stream"), // 12
      bedrock("amazon.titan-text-express-v1", "invoke"),              // 13
      bedrock("amazon.nova-lite-v1:0", "invoke-with-response-stream"), // 14
      bedrock("mistral.mistral-7b-instruct-v0:2", "invoke"),          // 15
      bedrock("cohere.command-r-v1:0", "invoke-with-response-stream")); // 16

  private FuzzRoutes() {}

  private static Route bedrock(String model, String operation) {
    String path = "/model/" + model + "/" + operation;
    return BEDROCK.match(path, 0, path.length());
  }
}
