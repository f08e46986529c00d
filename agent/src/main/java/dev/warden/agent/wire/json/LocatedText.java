package dev.warden.agent.wire.json;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A JSON string value that remembers where it starts in the bytes it was parsed from, so that a
 * rewrite can replace exactly that string. Immutable.
 */
public final class LocatedText extends TextNode {

  private static final long serialVersionUID = 1L;

  private final int offset;

  /**
   * @param text   the decoded string value
   * @param offset byte offset of the string's opening quote in the parsed body
   */
  public LocatedText(String text, int offset) {
    super(text);
    this.offset = offset;
  }

  /** Byte offset of the opening quote in the body this value was parsed from. */
  public int offset() {
    return offset;
  }
}
