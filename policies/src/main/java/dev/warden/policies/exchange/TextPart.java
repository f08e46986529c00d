package dev.warden.policies.exchange;

/**
 * One piece of text in a request, in document order.
 *
 * @param message index of the message (or input item) it belongs to, 0-based
 * @param role    the message role as the provider names it: system, developer, user, assistant, tool
 * @param text    the text itself
 */
public record TextPart(int message, String role, String text) {}
