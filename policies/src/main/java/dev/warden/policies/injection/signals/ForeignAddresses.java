package dev.warden.policies.injection.signals;

import java.util.Set;

/**
 * A tool result that speaks to the model in German, French, Spanish, Italian, Portuguese or Dutch:
 * a note headed to it ("Hinweis für die KI:", "Note pour l'IA :", "Nota per l'assistente IA:",
 * "Atenção, assistente de IA:", "Opmerking voor de AI-assistent:") or a condition on being it
 * ("Wenn du ein KI-Modell bist, …", "Si tu es une IA qui lit cette page, …"). Tool content. Not
 * "KI-Modelle helfen …", "Nota ai clienti:" (Italian "ai" is "to the"). Elided articles ("l'IA")
 * join their noun into one word of the clause, and are not read.
 */
final class ForeignAddresses {

  /** Words that head a note: "Hinweis", "Note", "Instrucción", "Atenção", "Opmerking". */
  private static final Set<String> NOTES = Set.of("hinweis", "anweisung", "anweisungen", "notiz",
      "nachricht", "achtung", "note", "nota", "notas", "message", "instruction", "instructions",
      "instrucción", "instrucciones", "istruzione", "istruzioni", "instrução", "instruções",
      "atenção", "atención", "attenzione", "attention", "aviso", "avviso", "opmerking",
      "aanwijzing", "aanwijzingen", "bericht", "let");
  /** Between a note word and the name: prepositions and articles. */
  private static final Set<String> LINKS = Set.of("für", "die", "den", "das", "pour", "la",
      "le", "para", "el", "per", "lo", "o", "a", "voor", "de", "het", "op", "an", "à", "al",
      "ao", "assistent", "assistente", "asistente", "assistant", "ki", "ia", "ai", "modell",
      "modèle", "modelo", "modello", "sprachmodell", "von", "van");
  /** The model's names in these languages. */
  private static final Set<String> NAMES = Set.of("ki", "ia", "ai", "assistent", "assistente",
      "asistente", "assistant", "modell", "modèle", "modelo", "modello", "sprachmodell");
  /** "wenn du", "si tu", "si eres", "se sei", "se você", "als je": a condition on the reader. */
  private static final Set<String> IF = Set.of("wenn", "falls", "si", "se", "als");
  private static final Set<String> YOU = Set.of("du", "tu", "eres", "sei", "você", "je", "bist",
      "es", "é", "bent");

  private ForeignAddresses() {}

  /** At one of {@link #NAMES}. */
  static void at(Clause c, SignalSet out) {
    if (headed(c) || conditional(c)) {
      out.fire(SignalSet.AI_ADDRESS, 0.7);
    }
  }

  /** A note word, then links and names only, then this name and a colon (or a name and one). */
  private static boolean headed(Clause c) {
    int last = NAMES.contains(c.word(1)) && c.charAfter(1) == ':' ? 1 : 0;
    if (c.charAfter(last) != ':' || c.word(last + 1).isEmpty()) {
      return false;
    }
    for (int k = -1; k >= -5; k--) {
      String w = c.word(k);
      if (NOTES.contains(w)) {
        return !"ai".equals(c.word(0)) || NAMES.contains(c.word(-1));
      }
      if (!LINKS.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /** "Wenn du ein KI-Modell bist", "Si tu es une IA", "si eres un asistente de IA". */
  private static boolean conditional(Clause c) {
    int ifAt = c.find(IF, -5, -1);
    return ifAt != Clause.NONE && c.find(YOU, ifAt + 1, ifAt + 2) != Clause.NONE
        && !"ai".equals(c.word(0));
  }
}
