package dev.warden.agent.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        byte[] bytes;
        int number = 0;
        while ((bytes = nextLine(in)) != null) {
          number++;
          String where = file + ":" + number;
          // once a record verified, the next position in the chain is known, whatever a tampered line claims
          long expected = lastHash == null ? -1 : lastSeq + 1;
          String line = utf8(bytes);
          if (line == null) {
            return new Result(records, expected < 0 ? number : expected, where, "not UTF-8 text");
          }
          if (line.isBlank()) {
            continue;
          }
          JsonNode record;
          try {
            record = JSON.readTree(line);
          } catch (IOException e) {
            return new Result(records, expected < 0 ? number : expected, where, "not a JSON record");
          }
          JsonNode seqNode = record == null ? null : record.get("seq");
          String body = AuditLine.withoutHash(line);
          boolean hasSeq = seqNode != null && seqNode.canConvertToLong();
          if (!hasSeq || body == null || !record.path("prev").isTextual()) {
            return new Result(records, expected >= 0 ? expected : hasSeq ? seqNode.asLong() : number,
                where, "not an audit record (seq, prev or hash missing)");
          }
          long seq = seqNode.asLong();
          if (!chain.hash(body).equals(AuditLine.hashOf(line))) {
            return new Result(records, expected >= 0 ? expected : seq, where,
                "the record's hash does not match its content"
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

  /** The next line's bytes without its {@code \n}, or null at the end; a {@code \r} stays in the line. */
  private static byte[] nextLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return b == -1 && line.size() == 0 ? null : line.toByteArray();
  }

  /** The line as text, or null when it is not valid UTF-8 (the trail is written as UTF-8: a flipped byte may not be). */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
