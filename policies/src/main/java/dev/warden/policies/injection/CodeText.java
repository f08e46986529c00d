package dev.warden.policies.injection;

/**
 * Whether a text is source code or markup rather than prose: three lines or more, and at least 5 %
 * of its chars brackets, operators and the like. The learned model is trained on prompts and
 * scores code as it scores token soup; one-line soup (an optimised adversarial suffix glued to a
 * request) is not code.
 */
final class CodeText {

  static final int MIN_LINES = 3;
  static final double MIN_SHARE = 0.05;
  static final String MARK_CHARS = "{}()[];=<>|&*/\\_#$^~`+@";
  private static final boolean[] MARKS = new boolean[128];

  static {
    for (char c : MARK_CHARS.toCharArray()) {
      MARKS[c] = true;
    }
  }

  private CodeText() {}

  static boolean is(String s) {
    int first = s.indexOf('\n');
    if (first < 0 || s.indexOf('\n', first + 1) < 0) {
      return false; // one or two lines: most prompts stop here, in two intrinsic searches
    }
    int marks = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      marks += c < 0x80 && MARKS[c] ? 1 : 0;
    }
    return marks >= MIN_SHARE * s.length();
  }
}
