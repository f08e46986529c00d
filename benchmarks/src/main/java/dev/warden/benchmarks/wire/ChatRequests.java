package dev.warden.benchmarks.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions request bodies shaped like a support bot's: a system prompt, then user
 * and assistant turns until the body reaches a size, then the user's last question; compact JSON,
 * as the SDKs send it. With {@code pii}, three user turns carry two e-mail addresses and two phone
 * numbers; without, no recognizer finds anything.
 */
final class ChatRequests {

  static final String MODEL = "gpt-4o-mini";

  private static final String SYSTEM = "You are the customer support assistant of Northwind Outdoor, an online "
      + "shop for hiking and camping gear. Answer in a friendly, concise way. Only discuss orders, deliveries, "
      + "returns, warranty claims and product advice. Never promise refunds above the order value, never invent "
      + "tracking numbers, and hand the conversation to a human agent when the customer asks for one or is upset. "
      + "Use the order details the customer gives you; if something is missing, ask for it.";

  private static final String[] USER = {
      "Hi, I ordered a two-person tent last week and it still has not arrived. Can you check what happened?",
      "The order number is NW-58213. It was supposed to come on Monday, and the tracking page has not changed "
          + "since Friday.",
      "I need it for a trip on the weekend after next, so I am a bit worried. Is there a way to speed it up?",
      "Also, the sleeping bag I bought in spring has a broken zip. Is that covered by the warranty?",
      "It is the Alpine 800 down bag, bought in April. The zip slider came off the track on the second night.",
      "Great. And could you tell me whether the Ridge 45 backpack fits a torso of about 48 centimetres?",
  };

  private static final String[] USER_PII = {
      "Hi, I ordered a two-person tent last week and it still has not arrived. You can reach me at "
          + "maria.keller@example.org or on +44 20 7946 0958 if you need anything.",
      "The order number is NW-58213. It was supposed to come on Monday, and the tracking page has not changed "
          + "since Friday. My partner, jonas.brandt@example.net, placed it for me.",
      "I need it for a trip on the weekend after next, so I am a bit worried. The courier can call "
          + "(415) 555-0132 before delivering.",
  };

  private static final String[] ASSISTANT = {
      "I am sorry to hear that your tent has not arrived yet. Could you give me the order number so that I can "
          + "look it up?",
      "Thank you. I can see that the parcel left our warehouse on Thursday and is with the courier. The last scan "
          + "was at their regional depot, which usually means it is in the queue for delivery within two working "
          + "days.",
      "I have asked the courier to prioritise it, and I will send you an update as soon as they confirm. If it "
          + "has not arrived by Wednesday, we will send a replacement by express delivery at no cost to you.",
      "Yes, our down sleeping bags have a five-year warranty that covers zips and seams. Could you tell me which "
          + "model it is and roughly when you bought it?",
      "That is covered. I have opened a warranty claim for you; you will receive a prepaid return label, and we "
          + "will repair the zip or replace the bag within ten working days of receiving it.",
  };

  private static final String LAST = "Thanks! One last thing: can I change the delivery address to my office?";

  private ChatRequests() {}

  /** A body of at least {@code minBytes} (a turn more at most). */
  static byte[] body(int minBytes, boolean pii) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("model", MODEL).put("temperature", 0.3);
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "system").put("content", SYSTEM);
    for (int turn = 0; ; turn++) {
      String user = pii && turn < USER_PII.length ? USER_PII[turn] : USER[turn % USER.length];
      messages.addObject().put("role", "user").put("content", user);
      messages.addObject().put("role", "assistant").put("content", ASSISTANT[turn % ASSISTANT.length]);
      byte[] bytes = withLast(json, root);
      if (bytes.length >= minBytes) {
        return bytes;
      }
      messages.remove(messages.size() - 1);
    }
  }

  /** A body with the system prompt and one user message of {@code text}. */
  static byte[] withUserText(String text) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("model", MODEL).put("temperature", 0.3);
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "system").put("content", SYSTEM);
    messages.addObject().put("role", "user").put("content", text);
    try {
      return json.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] withLast(ObjectMapper json, ObjectNode root) {
    ArrayNode messages = (ArrayNode) root.get("messages");
    messages.addObject().put("role", "user").put("content", LAST);
    try {
      return json.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
