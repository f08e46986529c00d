package dev.warden.agent.audit;

import dev.warden.agent.inventory.LibraryCoordinates;
import dev.warden.policies.exchange.Exchange;
import java.util.List;

/**
 * The members of the runtime inventory's audit records: an LLM client library found in the JVM
 * ({@code library_detected}: coordinates and where they were read), and the first call of a
 * combination of provider, operation, model, endpoint ({@code host:port}, never a path), key scope
 * and client libraries ({@code llm_first_use}). Never a key, a prompt or a path.
 */
public final class InventoryRecord {

  private InventoryRecord() {}

  /** {@code "event":"library_detected"}: {@code library} (group:artifact), {@code version}, {@code source}. */
  public static AuditTrail.Members library(LibraryCoordinates library) {
    return json -> {
      json.writeStringField("event", "library_detected");
      json.writeStringField("library", library.groupArtifact());
      json.writeStringField("version", library.version());
      json.writeStringField("source", library.source());
    };
  }

  /**
   * {@code "event":"llm_first_use"}.
   *
   * @param endpoint  {@code host:port}
   * @param keyId     the key scope, or null
   * @param libraries the client libraries that made the call, {@code group:artifact:version} each
   */
  public static AuditTrail.Members firstUse(Exchange exchange, String endpoint, String keyId, List<String> libraries,
      String policyHash) {
    return json -> {
      json.writeStringField("event", "llm_first_use");
      json.writeStringField("provider", exchange.provider());
      json.writeStringField("operation", exchange.operation());
      if (exchange.model() != null) {
        json.writeStringField("model", exchange.model());
      }
      json.writeStringField("endpoint", endpoint);
      if (keyId != null) {
        json.writeStringField("keyId", keyId);
      }
      json.writeArrayFieldStart("libraries");
      for (String library : libraries) {
        json.writeString(library);
      }
      json.writeEndArray();
      json.writeStringField("policy", policyHash);
    };
  }
}
