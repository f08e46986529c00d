package dev.warden.agent.audit;

import dev.warden.policies.config.PolicyError;
import java.util.List;

/**
 * The members of a policy event's audit record: a policy loaded or reloaded, or a policy file
 * rejected (with its errors as {@code file:line:col: message}; messages never quote keys or
 * secrets) while the last good one stays, or a cache purge it asked for.
 */
public final class PolicyRecord {

  private PolicyRecord() {}

  /** {@code "event":"policy_loaded"} (or {@code policy_reloaded}), the file and its hash. */
  public static AuditTrail.Members loaded(String file, String hash, boolean first) {
    return json -> {
      json.writeStringField("event", first ? "policy_loaded" : "policy_reloaded");
      json.writeStringField("file", file);
      json.writeStringField("policy", hash);
    };
  }

  /** {@code "event":"policy_rejected"}, the file, its errors, and the hash of the policy that stays. */
  public static AuditTrail.Members rejected(String file, List<PolicyError> errors, String keeping) {
    return json -> {
      json.writeStringField("event", "policy_rejected");
      json.writeStringField("file", file);
      json.writeArrayFieldStart("errors");
      for (PolicyError error : errors) {
        json.writeString(error.toString());
      }
      json.writeEndArray();
      json.writeStringField("policy", keeping);
    };
  }

  /**
   * {@code "event":"cache_purged"}: the purge's id, the partitions as the policy names them (a
   * principal as decision records carry it), how many entries were removed, and the policy's hash.
   */
  public static AuditTrail.Members cachePurged(String id, List<String> partitions, long removed, String hash) {
    return json -> {
      json.writeStringField("event", "cache_purged");
      json.writeStringField("id", id);
      json.writeArrayFieldStart("partitions");
      for (String partition : partitions) {
        json.writeString(partition);
      }
      json.writeEndArray();
      json.writeNumberField("removed", removed);
      json.writeStringField("policy", hash);
    };
  }
}
