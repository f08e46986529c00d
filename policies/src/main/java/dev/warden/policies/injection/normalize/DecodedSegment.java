package dev.warden.policies.injection.normalize;

/**
 * Text that was hidden in a message part by an encoding, decoded and normalised in turn.
 *
 * @param encoding   how it was hidden
 * @param text       the decoded text after the same normalisation as the message part itself
 *                   (invisible characters removed, NFKC, confusables folded)
 * @param depth      1 for a segment decoded from the message part, 2 for one decoded from a
 *                   depth-1 segment; never more
 * @param obfuscated whether the encoding hid text that needed no encoding: always true except for
 *                   percent-encoding, where it is true only when letters or digits were escaped
 *                   (a URL query with {@code %20} is ordinary, {@code %69%67%6E} is not)
 */
public record DecodedSegment(Encoding encoding, String text, int depth, boolean obfuscated) {}
