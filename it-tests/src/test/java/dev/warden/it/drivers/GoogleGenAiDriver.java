package dev.warden.it.drivers;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import com.google.genai.types.Type;
import java.util.List;
import java.util.Map;

/**
 * Drives google-genai (the Gemini API) on its OkHttp client, with a key in {@code x-goog-api-key}.
 * Arguments: base URL (without the API version, which the SDK adds), API key.
 */
public final class GoogleGenAiDriver implements DriverLoop.Client {

  private final Client client;

  private GoogleGenAiDriver(String baseUrl, String apiKey) {
    this.client = Client.builder()
        .apiKey(apiKey)
        .vertexAI(false)
        .httpOptions(HttpOptions.builder()
            .baseUrl(baseUrl)
            .apiVersion("v1beta")
            .timeout(30_000)
            // no retries: a blocked call must fail at once
            .retryOptions(HttpRetryOptions.builder().attempts(1).build())
            .build())
        .build();
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new GoogleGenAiDriver(args[0], args[1]));
  }

  @Override
  public String chat(String model, String prompt) {
    return client.models.generateContent(model, prompt, null).text();
  }

  @Override
  public String stream(String model, String prompt) {
    return streamed(model, prompt, null, new StringBuilder());
  }

  @Override
  public String systemChat(String model, String system, String prompt) {
    return client.models.generateContent(model, prompt, withSystem(system)).text();
  }

  @Override
  public String systemStream(String model, String system, String prompt) throws DriverLoop.StreamFailure {
    StringBuilder text = new StringBuilder();
    try {
      return streamed(model, prompt, withSystem(system), text);
    } catch (RuntimeException e) {
      throw new DriverLoop.StreamFailure(text.toString(), e);
    }
  }

  @Override
  public String tool(String model, String prompt) {
    return textArgument(client.models.generateContent(model, prompt, withTool()).functionCalls());
  }

  @Override
  public String toolStream(String model, String prompt) {
    try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(model, prompt, withTool())) {
      for (GenerateContentResponse chunk : stream) {
        List<FunctionCall> calls = chunk.functionCalls();
        if (calls != null && !calls.isEmpty()) {
          return textArgument(calls);
        }
      }
    }
    return "FAILURE|the model called no tool";
  }

  private String streamed(String model, String prompt, GenerateContentConfig config, StringBuilder text) {
    try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(model, prompt, config)) {
      for (GenerateContentResponse chunk : stream) {
        String piece = chunk.text();
        if (piece != null) {
          text.append(piece);
        }
      }
    }
    return text.toString();
  }

  private static GenerateContentConfig withSystem(String system) {
    return GenerateContentConfig.builder().systemInstruction(Content.fromParts(Part.fromText(system))).build();
  }

  private static GenerateContentConfig withTool() {
    Schema text = Schema.builder().type(Type.Known.STRING).build();
    FunctionDeclaration sendEmail = FunctionDeclaration.builder()
        .name("send_email")
        .parameters(Schema.builder().type(Type.Known.OBJECT).properties(Map.of("text", text)).required("text").build())
        .build();
    return GenerateContentConfig.builder().tools(Tool.builder().functionDeclarations(sendEmail).build()).build();
  }

  private static String textArgument(List<FunctionCall> calls) {
    if (calls == null || calls.isEmpty()) {
      return "FAILURE|the model called no tool";
    }
    Object text = calls.get(0).args().orElse(Map.of()).get("text");
    return text instanceof String s ? s : "FAILURE|args are not {\"text\": …}: " + calls.get(0).args();
  }

  /**
   * google-genai raises an HTTP error, or an {@code error} event in a stream, as its own
   * {@code ClientException} (4xx): the status, Google's status name and the error's message.
   */
  @Override
  public String describe(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api) {
        return DriverLoop.errorFields(api.code(), api, api.status(), null, null, api.message());
      }
    }
    return null;
  }
}
