package dev.warden.policies.pii;

import java.security.MessageDigest;
import java.util.Arrays;
import java.security.NoSuchAlgorithmException;

/**
 * The check-digit and checksum algorithms the validators use: Luhn (cards), ISO 7064 mod-97-10
 * (IBAN), Base58Check and Bech32/Bech32m (Bitcoin addresses), and EIP-55 mixed-case hex (Ethereum
 * addresses, through Keccak-256). All are pure functions over a region of the scanned text; none
 * throws on malformed input, each simply answers false.
 */
final class Checksums {

  private Checksums() {}

  /**
   * Luhn check over the ASCII digits in {@code [start, end)}, other chars ignored. False when the
   * region holds fewer than two digits.
   */
  static boolean luhn(CharSequence text, int start, int end) {
    int sum = 0;
    int digits = 0;
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if ((digits & 1) == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits >= 2 && sum % 10 == 0;
  }

  /**
   * ISO 7064 mod-97-10 as IBANs use it: the ASCII letters and digits of {@code [start, end)}
   * (spaces ignored), first four moved to the end, letters counted as 10..35, the number mod 97
   * equal to 1. False for any other char, or fewer than five letters and digits.
   */
  static boolean mod97(CharSequence text, int start, int end) {
    int rem = 0;
    int seen = 0;
    int tailStart = -1;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      int v = alnumValue(c);
      if (v < 0) {
        return false;
      }
      seen++;
      if (seen == 4) {
        tailStart = i + 1;
      } else if (seen > 4) {
        rem = mod97Step(rem, v);
      }
    }
    if (seen < 5) {
      return false;
    }
    for (int i = start; i < tailStart; i++) {
      char c = text.charAt(i);
      if (c != ' ') {
        rem = mod97Step(rem, alnumValue(c));
      }
    }
    return rem == 1;
  }

  private static int mod97Step(int rem, int v) {
    return v < 10 ? (rem * 10 + v) % 97 : (rem * 100 + v) % 97;
  }

  private static int alnumValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** For each ASCII char, its index in {@code alphabet}, or -1. */
  private static byte[] values(String alphabet) {
    byte[] values = new byte[128];
    Arrays.fill(values, (byte) -1);
    for (int i = 0; i < alphabet.length(); i++) {
      values[alphabet.charAt(i)] = (byte) i;
    }
    return values;
  }

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  /** The value of each ASCII char in {@link #BASE58}, -1 for the others: looked up per char of a candidate. */
  private static final byte[] BASE58_VALUES = values(BASE58);

  /** Whether {@code c} is in the Bitcoin Base58 alphabet (no 0, O, I, l). */
  static boolean isBase58(char c) {
    return c < 128 && BASE58_VALUES[c] >= 0;
  }

  /**
   * Whether {@code [start, end)} is a Base58Check string that decodes to 25 bytes (a version byte,
   * a 20-byte hash, a 4-byte checksum), the version byte is one of {@code versions}, and the
   * checksum equals the first four bytes of SHA-256(SHA-256(version + hash)).
   */
  static boolean base58Check25(CharSequence text, int start, int end, int... versions) {
    byte[] b = new byte[25];
    int leadingOnes = 0;
    boolean counting = true;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      int digit = c < 128 ? BASE58_VALUES[c] : -1;
      if (digit < 0) {
        return false;
      }
      if (counting && digit == 0) {
        leadingOnes++;
      } else {
        counting = false;
      }
      int carry = digit;
      for (int j = 24; j >= 0; j--) {
        carry += 58 * (b[j] & 0xff);
        b[j] = (byte) carry;
        carry >>>= 8;
      }
      if (carry != 0) {
        return false;
      }
    }
    int leadingZeros = 0;
    while (leadingZeros < 25 && b[leadingZeros] == 0) {
      leadingZeros++;
    }
    if (leadingZeros != leadingOnes) {
      return false;
    }
    boolean versionOk = false;
    for (int v : versions) {
      versionOk |= (b[0] & 0xff) == v;
    }
    if (!versionOk) {
      return false;
    }
    MessageDigest sha = sha256();
    sha.update(b, 0, 21);
    byte[] hash = sha.digest(sha.digest());
    return hash[0] == b[21] && hash[1] == b[22] && hash[2] == b[23] && hash[3] == b[24];
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  /** The value of each ASCII char in {@link #BECH32}, in either case; -1 for the others. */
  private static final byte[] BECH32_VALUES = values(BECH32);

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      BECH32_VALUES[c] = BECH32_VALUES[c + ('a' - 'A')];
    }
  }
  private static final int[] BECH32_GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  private static final int BECH32M_CONST = 0x2bc830a3;

  /** The 5-bit value of a Bech32 data char (either case), or -1. */
  static int bech32Value(char c) {
    return c < 128 ? BECH32_VALUES[c] : -1;
  }

  /**
   * Whether {@code [start, end)} is a Bitcoin mainnet SegWit address: human-readable part
   * {@code bc}, separator {@code 1}, one case throughout, a witness version 0 program of 20 or 32
   * bytes with a Bech32 checksum (BIP-173), or a version 1–16 program of 2–40 bytes with a Bech32m
   * checksum (BIP-350).
   */
  static boolean segwitAddress(CharSequence text, int start, int end) {
    int len = end - start;
    if (len < 14 || len > 90 || (text.charAt(start) | 0x20) != 'b' || (text.charAt(start + 1) | 0x20) != 'c'
        || text.charAt(start + 2) != '1') {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    int chk = 1;
    for (int i = start; i < start + 2; i++) {
      chk = bech32Step(chk, (text.charAt(i) | 0x20) >> 5);
    }
    chk = bech32Step(chk, 0);
    for (int i = start; i < start + 2; i++) {
      chk = bech32Step(chk, (text.charAt(i) | 0x20) & 31);
    }
    int version = -1;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      if (i >= start + 3) {
        int v = bech32Value(c);
        if (v < 0) {
          return false;
        }
        if (version < 0) {
          version = v;
        }
        chk = bech32Step(chk, v);
      }
    }
    if (lower && upper) {
      return false;
    }
    int programBits = (len - 3 - 1 - 6) * 5;
    int programBytes = programBits / 8;
    if (programBits % 8 >= 5 || !zeroPadding(text, end - 7, programBits % 8)) {
      return false;
    }
    if (version == 0) {
      return chk == 1 && (programBytes == 20 || programBytes == 32);
    }
    return version <= 16 && chk == BECH32M_CONST && programBytes >= 2 && programBytes <= 40;
  }

  /** Whether the lowest {@code bits} bits of the data char at {@code index} are zero. */
  private static boolean zeroPadding(CharSequence text, int index, int bits) {
    return bits == 0 || (bech32Value(text.charAt(index)) & ((1 << bits) - 1)) == 0;
  }

  private static int bech32Step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= BECH32_GEN[i];
      }
    }
    return chk;
  }

  /**
   * EIP-55: whether the 40 hex chars at {@code [start, start + 40)} have upper-case letters exactly
   * where the Keccak-256 hash of the lower-case hex string has a nibble of 8 or more.
   */
  static boolean eip55(CharSequence text, int start) {
    byte[] lower = new byte[40];
    for (int i = 0; i < 40; i++) {
      lower[i] = (byte) Character.toLowerCase(text.charAt(start + i));
    }
    byte[] hash = Keccak256.hash(lower);
    for (int i = 0; i < 40; i++) {
      char c = text.charAt(start + i);
      if (c >= '0' && c <= '9') {
        continue;
      }
      int nibble = (i & 1) == 0 ? (hash[i >> 1] >> 4) & 0xf : hash[i >> 1] & 0xf;
      if ((nibble >= 8) != (c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** Keccak-256 as Ethereum uses it (the original padding, not FIPS 202 SHA3-256). */
  static final class Keccak256 {

    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    private static final int[] ROTATIONS = {
        1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44};
    private static final int[] PI_LANES = {
        10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};
    private static final int RATE = 136;

    private Keccak256() {}

    static byte[] hash(byte[] input) {
      return hash(input, (byte) 0x01);
    }

    /** @param domain the first padding byte: 0x01 for Keccak, 0x06 for FIPS 202 SHA3 */
    static byte[] hash(byte[] input, byte domain) {
      long[] state = new long[25];
      byte[] block = new byte[RATE];
      int offset = 0;
      while (input.length - offset >= RATE) {
        absorb(state, input, offset);
        offset += RATE;
      }
      System.arraycopy(input, offset, block, 0, input.length - offset);
      block[input.length - offset] ^= domain;
      block[RATE - 1] ^= (byte) 0x80;
      absorb(state, block, 0);
      byte[] out = new byte[32];
      for (int i = 0; i < 32; i++) {
        out[i] = (byte) (state[i >> 3] >>> (8 * (i & 7)));
      }
      return out;
    }

    private static void absorb(long[] state, byte[] data, int offset) {
      for (int i = 0; i < RATE / 8; i++) {
        long lane = 0;
        for (int b = 7; b >= 0; b--) {
          lane = (lane << 8) | (data[offset + 8 * i + b] & 0xffL);
        }
        state[i] ^= lane;
      }
      permute(state);
    }

    private static void permute(long[] a) {
      long[] c = new long[5];
      for (int round = 0; round < 24; round++) {
        for (int x = 0; x < 5; x++) {
          c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for (int x = 0; x < 5; x++) {
          long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
          for (int y = 0; y < 25; y += 5) {
            a[x + y] ^= d;
          }
        }
        long t = a[1];
        for (int i = 0; i < 24; i++) {
          int j = PI_LANES[i];
          long next = a[j];
          a[j] = Long.rotateLeft(t, ROTATIONS[i]);
          t = next;
        }
        for (int y = 0; y < 25; y += 5) {
          long a0 = a[y];
          long a1 = a[y + 1];
          long a2 = a[y + 2];
          long a3 = a[y + 3];
          long a4 = a[y + 4];
          a[y] = a0 ^ (~a1 & a2);
          a[y + 1] = a1 ^ (~a2 & a3);
          a[y + 2] = a2 ^ (~a3 & a4);
          a[y + 3] = a3 ^ (~a4 & a0);
          a[y + 4] = a4 ^ (~a0 & a1);
        }
        a[0] ^= ROUND_CONSTANTS[round];
      }
    }
  }
}
