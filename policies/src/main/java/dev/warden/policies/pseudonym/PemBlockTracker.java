package dev.warden.policies.pseudonym;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows PEM blocks ({@code -----BEGIN X-----} … {@code -----END X-----}, e.g. a private key) in
 * a growing buffer, so a stream channel can hold an open block back until a recognizer can see it
 * whole. A block opens at any {@code -----BEGIN} and closes only at the end line with its own label;
 * every block opened before that stays open too. Loose to open and strict to close, so a block is
 * held at least as long as any recognizer of such blocks needs it. Work per call is linear in the
 * new text times the number of open blocks. Not thread-safe.
 */
final class PemBlockTracker {

  private static final String BEGIN = "-----BEGIN";
  private static final String END = "-----END";
  private static final String DASHES = "-----";

  /** An open block, positions in the buffer. */
  private static final class Block {
    int holdFrom;
    int labelStart;
    int cursor;
    /** The line that closes the block; null while its label is being read. */
    String endLine;
  }

  private final List<Block> open = new ArrayList<>(2);
  private int beginCursor;

  /** Looks at what was appended to {@code text} since the last call. */
  void scan(StringBuilder text) {
    int len = text.length();
    for (int i = text.indexOf(BEGIN, beginCursor); i >= 0; i = text.indexOf(BEGIN, beginCursor)) {
      Block block = new Block();
      block.holdFrom = wordStart(text, i);
      block.labelStart = i + BEGIN.length();
      block.cursor = block.labelStart;
      open.add(block);
      beginCursor = block.labelStart;
    }
    beginCursor = Math.max(beginCursor, len - BEGIN.length() + 1);
    for (int k = 0; k < open.size(); k++) {
      if (closes(open.get(k), text)) {
        open.remove(k--);
      }
    }
  }

  /** Where the oldest open block's word starts, or -1 when no block is open. */
  int holdFrom() {
    int from = -1;
    for (int k = 0; k < open.size(); k++) {
      int h = open.get(k).holdFrom;
      from = from < 0 ? h : Math.min(from, h);
    }
    return from;
  }

  /** The first {@code r} chars of the buffer are gone; a block that began in them is given up. */
  void released(int r) {
    beginCursor = Math.max(0, beginCursor - r);
    for (int k = 0; k < open.size(); k++) {
      Block block = open.get(k);
      if (block.holdFrom < r) {
        open.remove(k--);
      } else {
        block.holdFrom -= r;
        block.labelStart -= r;
        block.cursor -= r;
      }
    }
  }

  private static boolean closes(Block block, StringBuilder text) {
    int len = text.length();
    if (block.endLine == null) {
      int dashes = text.indexOf(DASHES, block.cursor);
      if (dashes < 0) {
        block.cursor = Math.max(block.cursor, len - DASHES.length() + 1);
        return false;
      }
      block.endLine = END + text.substring(block.labelStart, dashes) + DASHES;
      block.cursor = dashes + DASHES.length();
    }
    int end = text.indexOf(block.endLine, block.cursor);
    if (end < 0) {
      block.cursor = Math.max(block.cursor, len - block.endLine.length() + 1);
      return false;
    }
    return true;
  }

  private static int wordStart(CharSequence text, int i) {
    int p = i;
    while (p > 0 && !Character.isWhitespace(text.charAt(p - 1))) {
      p--;
    }
    return p;
  }
}
