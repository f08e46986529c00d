package dev.warden.policies.decision;

/** What a rule found, by type and count only: never the value itself. */
public record Finding(String rule, String type, int count) {}
