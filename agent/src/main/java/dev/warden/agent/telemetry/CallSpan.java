package dev.warden.agent.telemetry;

import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.bootstrap.SdkFrame;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.identity.Caller;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CLIENT span of one LLM call (DESIGN.md's telemetry contract): named
 * {@code {operation} {model}}, with the GenAI semantic-convention attributes and Warden's own,
 * started when the call is decided and ended exactly once: when a blocked call is answered, when
 * the response body ends or is closed (with its usage tokens, response model and finish reasons),
 * or when the transport fails. Carries no text, no key and no PII value. Thread-safe.
 *
 * <p>A call made inside an SDK-level operation ({@link SdkFrame}) shares the operation's span:
 * the first call starts it, each later one (a retry, a tool-loop turn) updates its attributes,
 * adds a {@code warden.attempt} event and its usage tokens to the totals.
 */
public final class CallSpan {

  private final Span span;
  /** The SDK-level operation this call is part of, or null when the span is the call's own. */
  private final OperationSpan operation;
  private final AtomicBoolean ended = new AtomicBoolean();

  private CallSpan(Span span, OperationSpan operation) {
    this.span = span;
    this.operation = operation;
  }

  /**
   * Starts the span of a decided call, as a child of the application's current span when it has
   * one, or joins the span of the SDK-level operation open on this thread.
   *
   * @param appLoader the application's class loader, or null for the thread's context class loader
   */
  public static CallSpan start(Tracer tracer, String host, int port, Exchange exchange, Decision decision,
      Caller caller, ClassLoader appLoader) {
    Attributes attributes = attributes(host, port, exchange, decision, caller);
    SdkFrame frame = SdkFrame.current();
    if (frame == null) {
      return new CallSpan(newSpan(tracer, exchange, attributes, appLoader).startSpan(), null);
    }
    OperationSpan operation;
    int attempt;
    synchronized (frame) {
      operation = (OperationSpan) frame.operation();
      if (operation == null) {
        operation = new OperationSpan(newSpan(tracer, exchange, attributes, appLoader)
            .setAttribute(WardenAttributes.FRAMEWORK, frame.framework())
            .startSpan());
        frame.operation(operation);
      } else {
        operation.span().setAllAttributes(attributes);
      }
      attempt = operation.join();
    }
    if (attempt > 1) {
      operation.span().addEvent("warden.attempt", Attributes.of(WardenAttributes.ATTEMPT, (long) attempt,
          WardenAttributes.DECISION, decision.kind().label()));
    }
    return new CallSpan(operation.span(), operation);
  }

  private static SpanBuilder newSpan(Tracer tracer, Exchange exchange, Attributes attributes, ClassLoader appLoader) {
    String model = exchange.model();
    SpanBuilder builder = tracer.spanBuilder(exchange.operation() + (model == null ? "" : " " + model))
        .setSpanKind(SpanKind.CLIENT)
        .setAllAttributes(attributes);
    SpanContext parent = AppTrace.current(appLoader);
    return builder.setParent(parent == null ? Context.root() : Context.root().with(Span.wrap(parent)));
  }

  private static Attributes attributes(String host, int port, Exchange exchange, Decision decision, Caller caller) {
    AttributesBuilder builder = Attributes.builder();
    builder.put(GenAiAttributes.OPERATION_NAME, exchange.operation());
    builder.put(GenAiAttributes.PROVIDER_NAME, exchange.provider());
    if (exchange.model() != null) {
      builder.put(GenAiAttributes.REQUEST_MODEL, exchange.model());
    }
    if (exchange.maxTokens() != null) {
      builder.put(GenAiAttributes.REQUEST_MAX_TOKENS, exchange.maxTokens().longValue());
    }
    builder.put(GenAiAttributes.SERVER_ADDRESS, host);
    builder.put(GenAiAttributes.SERVER_PORT, (long) port);
    builder.put(WardenAttributes.DECISION, decision.kind().label());
    if (decision.rule() != null) {
      builder.put(WardenAttributes.RULE, decision.rule());
    }
    long piiCount = 0;
    List<String> piiTypes = new ArrayList<>(2);
    for (Finding finding : decision.findings()) {
      if ("pii".equals(finding.rule())) {
        piiCount += finding.count();
        piiTypes.add(finding.type());
      }
    }
    builder.put(WardenAttributes.PII_COUNT, piiCount);
    if (!piiTypes.isEmpty()) {
      builder.put(WardenAttributes.PII_TYPES, piiTypes);
    }
    if (decision.injection() != null) {
      builder.put(WardenAttributes.INJECTION_SCORE, decision.injection().score());
      builder.put(WardenAttributes.INJECTION_THRESHOLD, decision.injection().threshold());
      if (!decision.injection().reasons().isEmpty()) {
        builder.put(WardenAttributes.INJECTION_REASONS, decision.injection().reasons());
      }
    }
    if (decision.keyId() != null) {
      builder.put(WardenAttributes.KEY_ID, decision.keyId());
    }
    if (caller.principal() != null) {
      builder.put(WardenAttributes.PRINCIPAL, caller.principal());
    }
    builder.put(WardenAttributes.POLICY_HASH, decision.policyHash());
    builder.put(WardenAttributes.CACHE_HIT, false);
    return builder.build();
  }

  /** The call is answered from the cache. */
  public void cacheHit() {
    span.setAttribute(WardenAttributes.DECISION, "cache_hit");
    span.setAttribute(WardenAttributes.CACHE_HIT, true);
  }

  /** Ends the span of a call answered without the network: {@code error.type} is the block's code. */
  public void endBlocked(Decision decision) {
    if (ended.compareAndSet(false, true)) {
      fail(decision.code() == null ? "warden_error" : decision.code());
      finish();
    }
  }

  /** Ends the span when the response body ended or was closed. */
  public void endResponse(int status, ResponseSummary summary, String withheldCode) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    if (summary.model() != null) {
      span.setAttribute(GenAiAttributes.RESPONSE_MODEL, summary.model());
    }
    if (summary.inputTokens() != null) {
      long tokens = summary.inputTokens();
      span.setAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, operation == null ? tokens : operation.addInputTokens(tokens));
    }
    if (summary.outputTokens() != null) {
      long tokens = summary.outputTokens();
      span.setAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, operation == null ? tokens : operation.addOutputTokens(tokens));
    }
    if (!summary.finishReasons().isEmpty()) {
      span.setAttribute(GenAiAttributes.RESPONSE_FINISH_REASONS, summary.finishReasons());
    }
    if (withheldCode != null) {
      span.setAttribute(WardenAttributes.DECISION, "block");
      span.setAttribute(WardenAttributes.RULE, "injection");
      fail(withheldCode);
    } else if (status >= 400) {
      fail(Integer.toString(status));
    } else if (operation != null) {
      operation.outcome(null);
    }
    finish();
  }

  /** Ends the span of a call whose transport failed. */
  public void endFailed(Throwable error) {
    if (ended.compareAndSet(false, true)) {
      fail(error.getClass().getName());
      finish();
    }
  }

  private void finish() {
    if (operation == null) {
      span.end();
    } else {
      operation.leave();
    }
  }

  private void fail(String errorType) {
    if (operation == null) {
      markFailed(span, errorType);
    } else {
      operation.outcome(errorType);
    }
  }

  static void markFailed(Span span, String errorType) {
    span.setAttribute(GenAiAttributes.ERROR_TYPE, errorType);
    span.setStatus(StatusCode.ERROR);
  }

  /**
   * Adds the call's prompt and completion, already redacted, as the events
   * {@code gen_ai.content.prompt} ({@code gen_ai.prompt}) and {@code gen_ai.content.completion}
   * ({@code gen_ai.completion}), for {@code telemetry.content: redacted}. Before the span ends.
   */
  public void addContent(String redactedPrompt, String redactedCompletion) {
    if (redactedPrompt != null) {
      span.addEvent("gen_ai.content.prompt", Attributes.of(PROMPT, redactedPrompt));
    }
    if (redactedCompletion != null) {
      span.addEvent("gen_ai.content.completion", Attributes.of(COMPLETION, redactedCompletion));
    }
  }

  private static final AttributeKey<String> PROMPT = AttributeKey.stringKey("gen_ai.prompt");
  private static final AttributeKey<String> COMPLETION = AttributeKey.stringKey("gen_ai.completion");

  /** The span's context, for the audit record's traceId and spanId. */
  public SpanContext context() {
    return span.getSpanContext();
  }
}
