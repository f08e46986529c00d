package dev.warden.agent.azure;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.Hook;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The Azure SDK hook: azure-core's own extension point for pipeline policies, which every Azure
 * client builder (azure-ai-openai among them) calls after its retry and credential policies.
 */
public final class AzureHook implements Hook {

  @Override
  public String typeName() {
    return "com.azure.core.http.policy.HttpPolicyProviders";
  }

  @Override
  public String adviceName() {
    return "dev.warden.agent.azure.AzurePolicyProvidersAdvice";
  }

  @Override
  public ElementMatcher<? super MethodDescription> methods() {
    return named("addAfterRetryPolicies").and(takesArguments(1));
  }
}
