package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds cryptocurrency addresses, each validated by its own checksum:
 *
 * <ul>
 *   <li>Bitcoin legacy: Base58Check, 26–35 chars, starting {@code 1} (P2PKH, version 0) or
 *       {@code 3} (P2SH, version 5), the double-SHA-256 checksum matching.</li>
 *   <li>Bitcoin SegWit: {@code bc1…} in one case, a Bech32 checksum for witness version 0 (20- or
 *       32-byte program) or Bech32m for versions 1–16 (Taproot {@code bc1p…}).</li>
 *   <li>Ethereum: {@code 0x} and 40 hex digits. All lower or all upper case carries no checksum and
 *       is accepted; mixed case must be a valid EIP-55 checksum (Keccak-256).</li>
 * </ul>
 *
 * Testnet addresses are not reported. An address glued to a letter or digit on either side
 * ({@code …BoyZ2}, 64 hex digits after {@code 0x}) is not one. Stateless and thread-safe; looks only
 * at the digits of the text (the {@code 1} or {@code 3} of Base58, the {@code 1} of {@code bc1}, the
 * {@code 0} of {@code 0x}), hashing only for candidates of the right shape.
 */
public final class CryptoAddressRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "CRYPTO_ADDRESS";

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int floor = 0;
    int d = anchors.nextDigitRun(0);
    while (d < n) {
      int j = text.charAt(d) == '0' && d + 1 < n && (text.charAt(d + 1) | 0x20) == 'x' ? d + 1 : d;
      char c = text.charAt(j);
      int s = -1;
      int end = -1;
      if (j > d) {
        s = d;
        end = s >= floor ? ethereumEnd(text, s) : -1;
      } else if (c == '1' && j >= 2 && (text.charAt(j - 2) | 0x20) == 'b' && (text.charAt(j - 1) | 0x20) == 'c') {
        s = j - 2;
        end = s >= floor ? segwitEnd(text, s) : -1;
      }
      if (end < 0 && (c == '1' || c == '3') && !WordBoundaries.wordBefore(text, j)) {
        s = j;
        end = base58End(text, j);
      }
      if (end > 0 && !WordBoundaries.wordBefore(text, s)) {
        out.add(new Span(TYPE, s, end));
        floor = end;
        d = anchors.nextDigitRun(end);
      } else {
        d = anchors.nextDigitRun(j + 1);
      }
    }
  }

  private static int base58End(CharSequence text, int s) {
    int n = text.length();
    if (s + 25 >= n || !Checksums.isBase58(text.charAt(s + 25))) {
      return -1;
    }
    int p = s;
    while (p < n && p - s <= 35 && Checksums.isBase58(text.charAt(p))) {
      p++;
    }
    int len = p - s;
    if (len < 26 || len > 35 || WordBoundaries.wordAt(text, p)) {
      return -1;
    }
    int version = text.charAt(s) == '1' ? 0x00 : 0x05;
    return Checksums.base58Check25(text, s, p, version) ? p : -1;
  }

  private static int segwitEnd(CharSequence text, int s) {
    int n = text.length();
    if (s + 3 > n || (text.charAt(s + 1) | 0x20) != 'c' || text.charAt(s + 2) != '1') {
      return -1;
    }
    int p = s + 3;
    while (p < n && p - s <= 90 && Checksums.bech32Value(text.charAt(p)) >= 0) {
      p++;
    }
    if (WordBoundaries.wordAt(text, p)) {
      return -1;
    }
    return Checksums.segwitAddress(text, s, p) ? p : -1;
  }

  private static int ethereumEnd(CharSequence text, int s) {
    int end = s + 42;
    if (end > text.length() || (text.charAt(s + 1) | 0x20) != 'x' || WordBoundaries.wordAt(text, end)) {
      return -1;
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = s + 2; i < end; i++) {
      char c = text.charAt(i);
      if (!WordBoundaries.isHex(c)) {
        return -1;
      }
      lower |= c >= 'a';
      upper |= c >= 'A' && c <= 'F';
    }
    return !(lower && upper) || Checksums.eip55(text, s + 2) ? end : -1;
  }
}
