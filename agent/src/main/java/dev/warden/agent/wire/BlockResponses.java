package dev.warden.agent.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.policies.decision.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The synthetic answer to a blocked call, shaped like the provider's own error so that its SDK
 * raises the exception the application already handles. Thread-safe.
 *
 * <ul>
 *   <li>OpenAI: {@code {"error":{"type":"warden_policy_violation","code":…,"message":…,"param":null}}}
 *   <li>Anthropic: {@code {"type":"error","error":{"type":…,"message":"warden <code>: <message>"}}},
 *       type {@code permission_error} for 403, {@code rate_limit_error} for 429, else {@code api_error}
 *   <li>Gemini (Google's API error): {@code {"error":{"code":403,"message":"warden <code>: <message>",
 *       "status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",
 *       "reason":<code>,"domain":"warden"}]}}}, status {@code RESOURCE_EXHAUSTED} for 429; google-genai
 *       raises its {@code ClientException} with that message, LangChain4j its exception for the status
 *   <li>Bedrock: {@code {"message":"warden <code>: <message>"}} with header {@code x-amzn-ErrorType}
 *       {@code AccessDeniedException} for 403, {@code ThrottlingException} for 429, else
 *       {@code InternalServerException}: the AWS SDK raises the service's exception of that name
 * </ul>
 */
public final class BlockResponses {

  /** Seconds in {@code retry-after} of a 429 when the caller names none. */
  public static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

  private static final JsonFactory JSON = new JsonFactory();

  private BlockResponses() {}

  /**
   * A block response ready to hand to the transport.
   *
   * @param status  HTTP status: the decision's, or 403 when it names no 4xx/5xx status
   * @param headers lowercase names, in order: content-type, x-amzn-errortype (Bedrock only),
   *                x-warden-decision, retry-after (429 only)
   * @param body    UTF-8 JSON; a fresh array per call
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    /** The standard reason phrase of {@link #status()}, for transports that need one. */
    public String reasonPhrase() {
      switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return status >= 500 ? "Server Error" : "Client Error";
      }
    }
  }

  /** {@link #of(String, Decision, long)} with {@link #DEFAULT_RETRY_AFTER_SECONDS}. */
  public static Response of(String format, Decision decision) {
    return of(format, decision, DEFAULT_RETRY_AFTER_SECONDS);
  }

  /**
   * Builds the response for a blocking decision.
   *
   * @param format            {@link Route#ANTHROPIC} or {@link Route#GEMINI} for their shapes; anything
   *                          else gets the OpenAI shape, which OpenAI-compatible clients understand
   * @param decision          the decision; its code, message, rule and policy hash are used (a null
   *                          code becomes {@code warden_error}, a null message the code)
   * @param retryAfterSeconds the {@code retry-after} value of a 429
   */
  public static Response of(String format, Decision decision, long retryAfterSeconds) {
    int status = decision.status() >= 400 && decision.status() <= 599 ? decision.status() : 403;
    String code = decision.code() != null ? decision.code() : "warden_error";
    String message = decision.message() != null ? decision.message() : code;
    boolean bedrock = Route.BEDROCK.equals(format);
    byte[] body = Route.ANTHROPIC.equals(format) ? anthropicBody(status, code, message)
        : Route.GEMINI.equals(format) ? googleBody(status, code, message)
        : bedrock ? bedrockBody(code, message)
        : openAiBody(code, message);
    Map<String, String> headers = new LinkedHashMap<>(4);
    headers.put("content-type", "application/json");
    if (bedrock) {
      headers.put(AWS_ERROR_TYPE, status == 403 ? "AccessDeniedException"
          : status == 429 ? "ThrottlingException" : "InternalServerException");
    }
    headers.put("x-warden-decision", "blocked; rule=" + token(decision.rule()) + "; policy="
        + token(decision.policyHash()));
    if (status == 429) {
      headers.put("retry-after", Long.toString(Math.max(0, retryAfterSeconds)));
    }
    return new Response(status, Collections.unmodifiableMap(headers), body);
  }

  private static byte[] openAiBody(String code, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + message.length());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("error");
      json.writeStringField("type", "warden_policy_violation");
      json.writeStringField("code", code);
      json.writeStringField("message", message);
      json.writeNullField("param");
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The header in which AWS services name the error, which the AWS SDK maps to an exception class. */
  public static final String AWS_ERROR_TYPE = "x-amzn-errortype";

  private static byte[] bedrockBody(String code, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.length());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("message", "warden " + code + ": " + message);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] anthropicBody(int status, String code, String message) {
    String type = status == 403 ? "permission_error" : status == 429 ? "rate_limit_error" : "api_error";
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + message.length());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", "error");
      json.writeObjectFieldStart("error");
      json.writeStringField("type", type);
      json.writeStringField("message", "warden " + code + ": " + message);
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] googleBody(int status, String code, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(192 + message.length());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("error");
      json.writeNumberField("code", status);
      json.writeStringField("message", "warden " + code + ": " + message);
      json.writeStringField("status", googleStatus(status));
      json.writeArrayFieldStart("details");
      json.writeStartObject();
      json.writeStringField("@type", "type.googleapis.com/google.rpc.ErrorInfo");
      json.writeStringField("reason", code);
      json.writeStringField("domain", "warden");
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The google.rpc.Code name Google's APIs send with an HTTP status. */
  private static String googleStatus(int status) {
    switch (status) {
      case 400: return "INVALID_ARGUMENT";
      case 401: return "UNAUTHENTICATED";
      case 403: return "PERMISSION_DENIED";
      case 404: return "NOT_FOUND";
      case 429: return "RESOURCE_EXHAUSTED";
      case 503: return "UNAVAILABLE";
      default: return status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    }
  }

  /** A header-safe token: null becomes "none", and nothing that could end or split the header. */
  private static String token(String value) {
    if (value == null || value.isEmpty()) {
      return "none";
    }
    StringBuilder safe = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = c > 0x20 && c < 0x7F && c != ';';
      if (!ok && safe == null) {
        safe = new StringBuilder(value.length()).append(value, 0, i);
      }
      if (safe != null) {
        safe.append(ok ? c : '_');
      }
    }
    return safe == null ? value : safe.toString();
  }
}
