/**
 * Layer 1 of injection detection: the normalised view of a message part that the detectors read.
 * {@link dev.warden.policies.injection.normalize.TextNormalizer} removes what a reader would not
 * see (zero-width characters, bidi controls, TAG characters), undoes look-alike spelling (NFKC,
 * a table of confusable letters, decorative forms) and decodes text hidden in base64, hex,
 * percent-encoding, ROT13, leetspeak and spaced letters, within fixed limits
 * ({@link dev.warden.policies.injection.normalize.DecodeLimits}), and joins quoted fragments that
 * an expression adds ({@code a = "Ignore all"}, {@code b = " previous …"}, {@code a + b}). What
 * it found is counted in {@link dev.warden.policies.injection.normalize.Obfuscation}; the
 * normalised text is for detection only and never replaces what is sent.
 */
package dev.warden.policies.injection.normalize;
