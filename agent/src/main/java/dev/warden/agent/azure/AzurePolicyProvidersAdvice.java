package dev.warden.agent.azure;

import dev.warden.bootstrap.WardenBridge;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code HttpPolicyProviders.addAfterRetryPolicies(List)}: appends Warden's
 * policy after the ones the SDK and its service providers placed, so it sees each attempt's
 * final headers, credential included. The bridge never throws.
 */
public final class AzurePolicyProvidersAdvice {

  private AzurePolicyProvidersAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  @SuppressWarnings("rawtypes")
  public static void exit(@Advice.Argument(0) List policies, @Advice.Origin Class<?> providers) {
    WardenBridge.addAzurePolicy(policies, providers.getClassLoader());
  }
}
