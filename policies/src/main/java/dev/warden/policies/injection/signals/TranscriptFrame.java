package dev.warden.policies.injection.signals;

import java.util.Locale;

/**
 * Whether a text asks for work on a conversation before a given point: a verb that works on
 * material (summarise, translate, analyse, classify, review, complete, continue, …) and a noun that names a
 * conversation (transcript, conversation, chat, dialogue, thread, ticket, call), both in the first
 * {@value #LOOK_BACK} chars before it.
 */
final class TranscriptFrame {

  private static final int LOOK_BACK = 600;
  private static final String[] WORK = {"summar", "translat", "analy", "classif", "review",
      "proofread", "extract", "rate ", "evaluat", "categori", "tag ", "label", "rewrite",
      "paraphras", "sentiment", "what did", "respond to the customer", "reply to the customer",
      "complete the", "continue the", "finish the", "next line", "next message", "next reply",
      "next turn",
      "zusammenfass", "übersetz", "résum", "tradui", "resum", "traduc"};
  private static final String[] CONVERSATION = {"transcript", "conversation", "chat", "dialog",
      "thread", "ticket", "call log", "chat log", "exchange", "interaction", "gespräch", "verlauf",
      "échange", "conversación"};

  private TranscriptFrame() {}

  static boolean before(String s, int p) {
    String head = s.substring(Math.max(0, p - LOOK_BACK), p).toLowerCase(Locale.ROOT);
    return containsAny(head, WORK) && containsAny(head, CONVERSATION);
  }

  private static boolean containsAny(String text, String[] needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }
}
