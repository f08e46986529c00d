package dev.warden.agent.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an audit trail's hash chain across files, in the order given (oldest first): each
 * record's hash must be its own, its {@code seq} one more than the record before, and its
 * {@code prev} that record's hash. An edited record fails its hash, a deleted one leaves a gap in
 * {@code seq}, a reordered one goes back. The first record's {@code prev} is taken as given (older
 * files may have been removed by retention). Deleting the newest records leaves a shorter chain
 * that verifies: the exported checkpoint is what catches that.
 */
public final class AuditVerifier {

  /**
   * @param records    how many records verified before the first break (all of them when intact)
   * @param brokenSeq  the {@code seq} of the first record that breaks the chain (its line number
   *                   when it has none), or -1 when intact
   * @param where      {@code file:line} of the first break, or null
   * @param reason     why it breaks, or null
   */
  public record Result(long records, long brokenSeq, String where, String reason) {
    public boolean intact() {
      return brokenSeq < 0;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HashChain chain;

  public AuditVerifier(HashChain chain) {
    this.chain = chain;
  }

  public Result verify(List<Path> files) throws IOException {
    return verify(files, null);
  }

  /**
   * As {@link #verify(List)}, and the trail must hold {@code checkpoint}'s record (an exported
   * {@code audit_checkpoint}): a trail cut short before it, or rewritten since, fails at its seq.
   *
   * @param checkpoint {@code seq} and {@code hash} of a checkpoint, or null
   */
  public Result verify(List<Path> files, AuditTrail.Checkpoint checkpoint) throws IOException {
    boolean checkpointSeen = false;
    long records = 0;
    long lastSeq = -1;
    String lastHash = null;
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          String where = file + ":" + number;
          JsonNode record;
          try {
            record = JSON.readTree(line);
          } catch (IOException e) {
            return new Result(records, lastSeq + 1, where, "not a JSON record");
          }
          JsonNode seqNode = record == null ? null : record.get("seq");
          String body = AuditLine.withoutHash(line);
          if (seqNode == null || !seqNode.canConvertToLong() || body == null || !record.path("prev").isTextual()) {
            return new Result(records, seqNode != null && seqNode.canConvertToLong() ? seqNode.asLong() : number,
                where, "not an audit record (seq, prev or hash missing)");
          }
          long seq = seqNode.asLong();
          if (!chain.hash(body).equals(AuditLine.hashOf(line))) {
            return new Result(records, seq, where, "the record's hash does not match its content"
                + (chain.keyed() ? "" : " (verified without a key: pass the audit key if the trail has one)"));
          }
          if (lastHash != null && seq != lastSeq + 1) {
            return new Result(records, seq, where, "seq " + seq + " follows " + lastSeq
                + (seq > lastSeq + 1 ? ": records are missing" : ": records are out of order"));
          }
          if (lastHash != null && !record.get("prev").asText().equals(lastHash)) {
            return new Result(records, seq, where, "prev is not the hash of record " + lastSeq);
          }
          lastSeq = seq;
          lastHash = AuditLine.hashOf(line);
          records++;
          if (checkpoint != null && seq == checkpoint.seq()) {
            if (!lastHash.equals(checkpoint.hash())) {
              return new Result(records - 1, seq, where, "the record differs from the exported checkpoint");
            }
            checkpointSeen = true;
          }
        }
      }
    }
    if (checkpoint != null && !checkpointSeen) {
      return new Result(records, checkpoint.seq(), null, "the trail has no record " + checkpoint.seq()
          + ", which an exported checkpoint names: records were removed or the trail was rewritten");
    }
    return new Result(records, -1, null, null);
  }
}
