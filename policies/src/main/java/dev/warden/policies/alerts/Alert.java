package dev.warden.policies.alerts;

import java.time.Duration;

/**
 * One anomaly to raise. Names only the key scope id, the principal and the model; never a key or
 * request text.
 *
 * @param kind      what crossed its threshold
 * @param partition {@code key} when counted over the calls of one key scope (or of calls with no
 *                  key scope), {@code principal} when over the calls of one principal
 * @param keyId     the key scope of the call that crossed the threshold, or null for none
 * @param principal the principal of that call, or null when nothing identified it
 * @param model     the model of that call, or null when unknown
 * @param observed  what was counted: tokens, the share of calls refused, injection findings; null
 *                  for {@link AlertKind#NEW_MODEL}
 * @param threshold the value {@code observed} crossed; null for {@link AlertKind#NEW_MODEL}
 * @param window    the window counted over ({@code after} for {@link AlertKind#NEW_MODEL})
 */
public record Alert(AlertKind kind, String partition, String keyId, String principal, String model, Number observed,
    Number threshold, Duration window) {}
