package dev.warden.agent.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.WardenLog;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;

/**
 * The hash-chained audit trail: numbers each record ({@code seq}), links it to the one before
 * ({@code prev}), hashes it ({@link HashChain}) and hands the line to its sink, one record at a
 * time. A file sink's chain goes on from the last record an earlier run wrote. A record that
 * cannot be written is reported once per outage and dropped; the chain then goes on from the last
 * record written, so the gap shows only as missing numbers. Thread-safe.
 */
public final class AuditTrail {

  /** Writes a record's own members, between {@code service} and {@code prev}. */
  @FunctionalInterface
  public interface Members {
    void write(JsonGenerator json) throws IOException;
  }

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper READER = new ObjectMapper();

  private final AuditSink sink;
  private final String service;
  private volatile HashChain chain;
  private long seq;
  private String prev;
  private boolean failing;

  AuditTrail(AuditSink sink, String service, HashChain chain) {
    this.sink = sink;
    this.service = service;
    this.chain = chain;
    resume(sink.lastLine());
  }

  /** Continues the chain of {@code line}, when it is a record; else starts a new one. */
  private void resume(String line) {
    seq = 0;
    prev = HashChain.GENESIS;
    if (line == null) {
      return;
    }
    try {
      JsonNode last = READER.readTree(line);
      String hash = AuditLine.hashOf(line);
      if (last.path("seq").canConvertToLong() && hash != null) {
        seq = last.get("seq").asLong();
        prev = hash;
      }
    } catch (IOException e) {
      // not a record: a new chain starts, and verify-audit shows where
    }
  }

  /** Hashes later records under {@code chain}'s key (a policy reload changed {@code audit.key}). */
  void rekey(HashChain chain) {
    this.chain = chain;
  }

  /**
   * Appends one record.
   *
   * @return false when it could not be written
   */
  public synchronized boolean append(Members members) {
    String body;
    try {
      StringWriter text = new StringWriter(256);
      try (JsonGenerator json = JSON.createGenerator(text)) {
        json.writeStartObject();
        json.writeStringField("ts", Instant.now().toString());
        json.writeNumberField("seq", seq + 1);
        json.writeStringField("service", service);
        members.write(json);
        json.writeStringField("prev", prev);
        json.writeEndObject();
      }
      body = text.toString();
    } catch (IOException | RuntimeException e) {
      report(e);
      return false;
    }
    String hash = chain.hash(body);
    try {
      sink.write(AuditLine.of(body, hash));
    } catch (IOException | RuntimeException e) {
      report(e);
      return false;
    }
    seq++;
    prev = hash;
    if (failing) {
      failing = false;
      WardenLog.info("audit records are written again to " + sink.describe());
    }
    return true;
  }

  private void report(Exception e) {
    if (!failing) {
      failing = true;
      WardenLog.warn("audit record not written to " + sink.describe() + " (" + e.getClass().getSimpleName()
          + "); reported once until it works again");
    }
  }

  String describe() {
    return sink.describe();
  }

  /** The newest record written: its {@code seq} and {@code hash} ({@code seq} 0 before any). */
  synchronized Checkpoint checkpoint() {
    return new Checkpoint(seq, prev);
  }

  /** Where the chain stands; an independent copy of it catches a rewritten or truncated trail. */
  public record Checkpoint(long seq, String hash) {}
}
