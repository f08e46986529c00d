package dev.warden.policies.pii;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The entity types Warden recognizes without configuration, by name.
 *
 * <p>{@link #TYPES} lists them in a fixed order that never changes between releases except by
 * appending: the structured identifiers first (the order of the policy documentation), then the
 * context-dependent {@code DATE_OF_BIRTH}. It is the order of {@code pii.entities} when the policy
 * omits it, and of the error message that names the allowed types.
 *
 * <p>Every recognizer here is a plain {@link Recognizer}: nothing outside this class depends on how
 * one works, so a model-backed recognizer (names, street addresses) can be added as one more entry.
 * Most are {@link AnchoredRecognizer}s too, which only lets {@link PiiScanner} find the positions they
 * look at once for all of them.
 */
public final class BuiltInRecognizers {

  private static final Map<String, Supplier<Recognizer>> BY_TYPE = Map.ofEntries(
      Map.entry(EmailRecognizer.TYPE, EmailRecognizer::new),
      Map.entry(PhoneRecognizer.TYPE, PhoneRecognizer::new),
      Map.entry(CreditCardRecognizer.TYPE, CreditCardRecognizer::new),
      Map.entry(IbanRecognizer.TYPE, IbanRecognizer::new),
      Map.entry(UsSsnRecognizer.TYPE, UsSsnRecognizer::new),
      Map.entry(IpAddressRecognizer.TYPE, IpAddressRecognizer::new),
      Map.entry(SecretRecognizer.TYPE, SecretRecognizer::new),
      Map.entry(JwtRecognizer.TYPE, JwtRecognizer::new),
      Map.entry(UrlCredentialsRecognizer.TYPE, UrlCredentialsRecognizer::new),
      Map.entry(CryptoAddressRecognizer.TYPE, CryptoAddressRecognizer::new),
      Map.entry(MacAddressRecognizer.TYPE, MacAddressRecognizer::new),
      Map.entry(DateOfBirthRecognizer.TYPE, DateOfBirthRecognizer::new));

  /**
   * The built-in type names, in a stable order: {@code EMAIL, PHONE, CREDIT_CARD, IBAN, US_SSN,
   * IP_ADDRESS, SECRET, JWT, URL_CREDENTIALS, CRYPTO_ADDRESS, MAC_ADDRESS, DATE_OF_BIRTH}.
   */
  public static final List<String> TYPES = List.of(
      EmailRecognizer.TYPE,
      PhoneRecognizer.TYPE,
      CreditCardRecognizer.TYPE,
      IbanRecognizer.TYPE,
      UsSsnRecognizer.TYPE,
      IpAddressRecognizer.TYPE,
      SecretRecognizer.TYPE,
      JwtRecognizer.TYPE,
      UrlCredentialsRecognizer.TYPE,
      CryptoAddressRecognizer.TYPE,
      MacAddressRecognizer.TYPE,
      DateOfBirthRecognizer.TYPE);

  private BuiltInRecognizers() {}

  /** The recognizer for a built-in type; throws {@link IllegalArgumentException} for other names. */
  public static Recognizer forType(String type) {
    Supplier<Recognizer> recognizer = BY_TYPE.get(type);
    if (recognizer == null) {
      throw new IllegalArgumentException("no built-in recognizer for " + type);
    }
    return recognizer.get();
  }

  /** A recognizer for each built-in type, in the order of {@link #TYPES}. */
  public static List<Recognizer> all() {
    return TYPES.stream().map(BuiltInRecognizers::forType).toList();
  }
}
