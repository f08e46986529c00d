package dev.warden.benchmarks.pii;

import java.util.List;
import java.util.Set;

/**
 * One text of a data set with its gold spans.
 *
 * @param source  the file it came from, e.g. {@code presidio_generated_large}
 * @param id      where in the file: {@code #index} of a JSON array or {@code line N} of a JSONL file
 * @param text    the text as Java sees it
 * @param gold    every labelled span, in or out of scope
 * @param judged  our types the source labels exhaustively: a prediction of another type that lands
 *                on no gold span is "unjudged" rather than a false positive
 */
record LabelledText(String source, String id, String text, List<GoldSpan> gold, Set<String> judged) {}
