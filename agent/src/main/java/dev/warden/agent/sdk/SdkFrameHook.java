package dev.warden.agent.sdk;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * An SDK-level hook: opens an {@link dev.warden.bootstrap.SdkFrame} around the SDK or framework
 * method that one logical operation goes through, so its retries and tool-loop turns share one
 * span named for the framework. Context only: the transport hooks still decide every wire call.
 *
 * @param typeName   the class or interface that declares the methods
 * @param methodNames their names
 * @param arguments  how many arguments they take, or -1 for any
 * @param adviceName the advice naming the framework
 */
public record SdkFrameHook(String typeName, List<String> methodNames, int arguments, String adviceName) implements Hook {

  private static final String OPENAI_JAVA = "dev.warden.agent.sdk.OpenAiJavaFrameAdvice";
  private static final String LANGCHAIN4J = "dev.warden.agent.sdk.LangChain4jFrameAdvice";
  private static final String SPRING_AI = "dev.warden.agent.sdk.SpringAiFrameAdvice";

  /** The operations of openai-java, LangChain4j and Spring AI that Warden frames. */
  public static List<Hook> all() {
    return List.of(
        new SdkFrameHook("com.openai.services.blocking.chat.ChatCompletionServiceImpl$WithRawResponseImpl",
            List.of("create", "createStreaming"), 2, OPENAI_JAVA),
        new SdkFrameHook("com.openai.services.blocking.ResponseServiceImpl$WithRawResponseImpl",
            List.of("create", "createStreaming"), 2, OPENAI_JAVA),
        new SdkFrameHook("dev.langchain4j.model.chat.ChatModel", List.of("chat"), -1, LANGCHAIN4J),
        new SdkFrameHook("dev.langchain4j.model.chat.StreamingChatModel", List.of("chat"), -1, LANGCHAIN4J),
        new SdkFrameHook("org.springframework.ai.openai.OpenAiChatModel", List.of("call"), 1, SPRING_AI),
        new SdkFrameHook("org.springframework.ai.anthropic.AnthropicChatModel", List.of("call"), 1, SPRING_AI));
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    ElementMatcher.Junction<MethodDescription> named = namedOneOf(methodNames.toArray(String[]::new)).and(not(isAbstract()));
    return arguments < 0 ? named : named.and(takesArguments(arguments));
  }
}
