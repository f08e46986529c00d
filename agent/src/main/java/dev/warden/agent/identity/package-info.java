/**
 * Reads who is calling from the application's own context, on the calling thread:
 * {@link dev.warden.agent.identity.CallerResolver} turns the policy's identity sources into a
 * {@link dev.warden.policies.identity.Caller}. The application's libraries (SLF4J, Log4j2, Spring
 * Security, the OpenTelemetry API) are reached by reflection through the class loader the hook
 * passes, looked up once per loader and never linked against, so they are neither shaded into nor
 * required by the agent.
 */
package dev.warden.agent.identity;
