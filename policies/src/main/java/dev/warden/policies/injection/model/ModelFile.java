package dev.warden.policies.injection.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary weights file of an {@link InjectionModel}. All numbers big-endian:
 *
 * <pre>
 * magic        4 bytes  "WINJ"
 * version      u16      1
 * hashBits     u8       FeatureSpec.hashBits
 * flags        u8       bit 0 word unigrams, bit 1 word bigrams, bit 2 mean normalisation,
 *                       bit 3 punctuation marks are tokens; other bits 0
 * charMin      u8       FeatureSpec.charMin
 * charMax      u8       FeatureSpec.charMax
 * blockTokens  i32      FeatureSpec.blockTokens
 * bias         f32      the logit of a window with no features
 * step         f32      weight quantisation step: weight = q * step
 * about        u16 + n  text, as DataOutput.writeUTF: what the model is, what it was trained on
 * count        i32      number of non-zero weights that follow
 * count times: gap      varint  bucket minus (previous bucket + 1); the first is the bucket itself
 *              q        i16     quantised weight, non-zero
 * crc          u32      CRC-32 of every byte before it
 * </pre>
 *
 * Buckets not listed have weight 0. A file with another magic or version, a header out of range, a
 * bucket outside the feature space, a short read, a bad checksum or trailing bytes is rejected with
 * an {@link IOException} that says which.
 */
final class ModelFile {

  static final byte[] MAGIC = {'W', 'I', 'N', 'J'};
  static final int VERSION = 1;

  private ModelFile() {}

  static InjectionModel read(InputStream input) throws IOException {
    CRC32 crc = new CRC32();
    DataInputStream in = new DataInputStream(new CheckedInputStream(input, crc));
    try {
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (magic[0] != MAGIC[0] || magic[1] != MAGIC[1] || magic[2] != MAGIC[2]
          || magic[3] != MAGIC[3]) {
        throw new IOException("not a Warden injection model: the file does not start with \"WINJ\"");
      }
      int version = in.readUnsignedShort();
      if (version != VERSION) {
        throw new IOException("unsupported injection model version " + version + " (this build reads "
            + VERSION + ")");
      }
      int hashBits = in.readUnsignedByte();
      int flags = in.readUnsignedByte();
      int charMin = in.readUnsignedByte();
      int charMax = in.readUnsignedByte();
      int blockTokens = in.readInt();
      if ((flags & ~15) != 0) {
        throw new IOException("bad injection model header: unknown flags 0x" + Integer.toHexString(flags));
      }
      FeatureSpec spec;
      try {
        spec = new FeatureSpec(hashBits, (flags & 1) != 0, (flags & 2) != 0, charMin, charMax,
            blockTokens, (flags & 4) != 0, (flags & 8) != 0);
      } catch (IllegalArgumentException e) {
        throw new IOException("bad injection model header: " + e.getMessage(), e);
      }
      float bias = in.readFloat();
      float step = in.readFloat();
      if (!Float.isFinite(bias) || !Float.isFinite(step) || step < 0) {
        throw new IOException("bad injection model header: bias " + bias + ", step " + step);
      }
      String about = in.readUTF();
      int count = in.readInt();
      if (count < 0 || count > spec.buckets()) {
        throw new IOException("bad injection model header: " + count + " weights for "
            + spec.buckets() + " buckets");
      }
      float[] weights = new float[spec.buckets()];
      int bucket = -1;
      for (int i = 0; i < count; i++) {
        long next = (long) bucket + 1 + readVarint(in);
        if (next >= weights.length) {
          throw new IOException("bad injection model: weight " + i + " is for bucket " + next
              + ", outside the " + weights.length + " buckets");
        }
        bucket = (int) next;
        weights[bucket] = in.readShort() * step;
      }
      long expected = crc.getValue();
      long stored = in.readInt() & 0xffffffffL;
      if (stored != expected) {
        throw new IOException("corrupt injection model: checksum " + Long.toHexString(stored)
            + ", computed " + Long.toHexString(expected));
      }
      if (in.read() != -1) {
        throw new IOException("bad injection model: trailing bytes after the checksum");
      }
      return new InjectionModel(spec, bias, weights, about);
    } catch (EOFException e) {
      throw new IOException("truncated injection model: the file ends too early", e);
    }
  }

  static void write(InjectionModel model, OutputStream output) throws IOException {
    float[] weights = model.weights();
    float max = 0;
    int count = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float step = max == 0 ? 1 : max / Short.MAX_VALUE;
    for (float w : weights) {
      if (Math.round(w / step) != 0) {
        count++;
      }
    }
    CRC32 crc = new CRC32();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(output, crc));
    FeatureSpec spec = model.spec();
    out.write(MAGIC);
    out.writeShort(VERSION);
    out.writeByte(spec.hashBits());
    out.writeByte((spec.wordUnigrams() ? 1 : 0) | (spec.wordBigrams() ? 2 : 0)
        | (spec.meanNorm() ? 4 : 0) | (spec.markTokens() ? 8 : 0));
    out.writeByte(spec.charMin());
    out.writeByte(spec.charMax());
    out.writeInt(spec.blockTokens());
    out.writeFloat(model.bias());
    out.writeFloat(step);
    out.writeUTF(model.about());
    out.writeInt(count);
    int previous = -1;
    for (int bucket = 0; bucket < weights.length; bucket++) {
      int q = Math.round(weights[bucket] / step);
      if (q != 0) {
        writeVarint(out, bucket - previous - 1);
        out.writeShort(q);
        previous = bucket;
      }
    }
    out.flush();
    new DataOutputStream(output).writeInt((int) crc.getValue());
    output.flush();
  }

  private static long readVarint(DataInputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("bad injection model: a bucket gap is longer than 5 bytes");
  }

  private static void writeVarint(DataOutputStream out, int value) throws IOException {
    while ((value & ~0x7f) != 0) {
      out.writeByte((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
  }
}
