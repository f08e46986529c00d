package dev.warden.benchmarks.pii;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes plausible English sentences about work, travel, home and software from templates, with
 * the numbers real prose carries (times, prices, counts, years, versions, order numbers) and no
 * personal data. Not thread-safe; deterministic for a given {@link Random}.
 */
final class ProseWriter {

  private static final List<String> TEMPLATES = List.of(
      "The {role} moved the planning meeting to {day} at {time}, which suits most of the team.",
      "We ordered {count} {thing} for the new office, and the invoice came to {money}.",
      "Sales in the {region} region grew by {pct} compared with the same quarter of {year}.",
      "After the upgrade to version {version}, the nightly import finished in {count} minutes instead of an hour.",
      "Could you ask the {role} whether the budget for {year} still includes the training days?",
      "The train to {city} leaves from platform {small} at {time}, so we should be at the station early.",
      "My {relative} has been growing tomatoes on the balcony since {year}, with mixed results.",
      "The recipe calls for {small} eggs, {count} grams of flour and a pinch of salt.",
      "It rained for most of {day}, but the forecast promises sunshine and {small} degrees by the weekend.",
      "Order {order} was shipped on {day} and should arrive within {small} working days.",
      "The museum in {city} is closed on Mondays; tickets cost {money} for adults.",
      "Our test suite now runs {count} cases, and {small} of them still fail on the build server.",
      "The {role} thinks the migration can be done by {month}, although nobody else is convinced.",
      "Room {room} on the {ordinal} floor has the projector that actually works.",
      "I read somewhere that the bridge was finished in {year} after {small} years of delays.",
      "If the parcel does not fit in the letterbox, the courier leaves it with the {role} downstairs.",
      "The library extended its opening hours to {time} on weekdays during the exam period.",
      "We spent {money} on paint and still need another {small} litres for the hallway.",
      "The new policy applies to every contract signed after the first of {month}.",
      "Latency dropped by {pct} once the cache was warmed, and the error rate stayed flat.",
      "Please remember to water the plants on {day}; the ferns dry out quickly in this heat.",
      "The conference in {city} had {count} attendees and far too few power outlets.",
      "According to the {role}, the printer on the {ordinal} floor jams whenever it is used before {time}.",
      "The cafe around the corner sells a decent flat white for {money}.",
      "Our flight to {city} was delayed by {small} hours, so we missed the first evening of the trip.",
      "The warehouse counted {count} pallets last week, {small} fewer than the system expected.",
      "Someone left a note on the fridge asking whoever took the {thing} to bring it back.",
      "The quarterly report is due on {day}, and the figures for {month} are still missing.",
      "The {role} suggested we split the release into {small} smaller steps to reduce the risk.",
      "The hiking trail is {small} kilometres long and climbs about {count} metres in total.",
      "Version {version} fixed the memory leak but introduced a new warning at start-up.",
      "The kids built a cardboard castle with {small} towers and a drawbridge that almost works.",
      "Electricity prices rose by {pct} this winter, so we turned the heating down a degree.",
      "We interviewed {small} candidates for the role of {role}, and two of them were excellent.",
      "The bakery on the high street opens at {time} and usually sells out of rye bread by noon.",
      "Rent for the studio went up to {money} a month, which is hard to justify for the space.",
      "The data set has {count} rows, but about {pct} of them have a missing postcode field.",
      "My {relative} finally learned to ride a bicycle on a quiet street near the park.",
      "The orchestra rehearses every {day} evening in the school hall from {time}.",
      "The dashboard shows {count} active sessions, which is unusual for a holiday.",
      "We repainted the fence in {month}, and it already needs another coat.",
      "The {role} reminded everyone that expense claims above {money} need a receipt.",
      "Shipping to {city} takes {small} days, or one day if you pay {money} extra.",
      "The old server in rack {small} has been running since {year} without a single reboot.",
      "Our neighbour's dog barks at the postman every morning at exactly {time}.",
      "The workshop on negotiation skills is full, but there is a waiting list of {small} people.",
      "Ticket {order} describes a bug that only happens when the window is resized twice.",
      "The river flooded the lower fields in {year}, and the farmers still talk about it.",
      "The canteen will serve a vegetarian lasagne on {day} and fish on Friday.",
      "The survey had a response rate of {pct}, better than the {year} edition.",
      "We need {small} volunteers to help set up the chairs before the assembly at {time}.",
      "The {role} asked for the slides by {day}, preferably without animations this time.",
      "The gym is quieter after {time}, when most people have gone home for dinner.",
      "Deploying version {version} took {count} seconds, most of it spent pulling images.",
      "The hotel in {city} upgraded us to a room with a view of the harbour.",
      "Three of the {count} invoices from {month} were paid twice by mistake.");

  private static final List<String> ROLES = List.of(
      "project manager", "office manager", "caretaker", "team lead", "finance director",
      "head teacher", "site engineer", "receptionist", "product owner", "landlord");
  private static final List<String> RELATIVES = List.of(
      "aunt", "grandfather", "cousin", "sister", "uncle", "grandmother", "brother");
  private static final List<String> CITIES = List.of(
      "Lisbon", "Leeds", "Toronto", "Lyon", "Krakow", "Melbourne", "Osaka", "Utrecht", "Denver");
  private static final List<String> REGIONS = List.of(
      "northern", "coastal", "eastern", "alpine", "southern", "western");
  private static final List<String> DAYS = List.of(
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
  private static final List<String> MONTHS = List.of(
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December");
  private static final List<String> THINGS = List.of(
      "chairs", "monitors", "desk lamps", "whiteboards", "coffee mugs", "keyboards", "plants");
  private static final List<String> ORDINALS = List.of(
      "second", "third", "fourth", "fifth", "sixth");

  private final Random random;
  private String previous;

  ProseWriter(Random random) {
    this.random = random;
  }

  /** One sentence, ending in its punctuation, without leading or trailing space. */
  String sentence() {
    String template = PiiCorpus.pick(random, TEMPLATES);
    while (template.equals(previous)) {
      template = PiiCorpus.pick(random, TEMPLATES);
    }
    previous = template;
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open).append(fill(template.substring(open + 1, close)));
      i = close + 1;
    }
    return out.toString();
  }

  private String fill(String slot) {
    return switch (slot) {
      case "role" -> PiiCorpus.pick(random, ROLES);
      case "relative" -> PiiCorpus.pick(random, RELATIVES);
      case "city" -> PiiCorpus.pick(random, CITIES);
      case "region" -> PiiCorpus.pick(random, REGIONS);
      case "day" -> PiiCorpus.pick(random, DAYS);
      case "month" -> PiiCorpus.pick(random, MONTHS);
      case "thing" -> PiiCorpus.pick(random, THINGS);
      case "ordinal" -> PiiCorpus.pick(random, ORDINALS);
      case "time" -> (7 + random.nextInt(12)) + (random.nextBoolean() ? ":30" : ":15");
      case "money" -> money();
      case "count" -> Integer.toString(20 + random.nextInt(4_000));
      case "small" -> Integer.toString(2 + random.nextInt(9));
      case "pct" -> (1 + random.nextInt(40)) + "." + random.nextInt(10) + "%";
      case "year" -> Integer.toString(1990 + random.nextInt(35));
      case "version" -> (1 + random.nextInt(9)) + "." + random.nextInt(20) + "." + random.nextInt(10);
      case "order" -> Integer.toString(100_000 + random.nextInt(900_000));
      case "room" -> Integer.toString(100 + random.nextInt(500));
      default -> throw new IllegalArgumentException("unknown slot " + slot);
    };
  }

  private String money() {
    int amount = 3 + random.nextInt(3_000);
    String whole = amount >= 1000 ? amount / 1000 + "," + String.format(Locale.ROOT, "%03d", amount % 1000)
        : Integer.toString(amount);
    return (random.nextBoolean() ? "$" : "EUR ") + whole + "." + String.format(Locale.ROOT, "%02d", random.nextInt(100));
  }
}
