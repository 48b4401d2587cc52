/**
 * Verification: is a user subscribed to every channel of a group. Answers are {@link
 * dev.gmbot.domain.verification.Verdict} values — subscribed, not subscribed (naming the missing
 * channels) or cannot check — never exceptions; cached per (user, channel) with jittered TTLs;
 * concurrent checks share one call. Also the cached administrator list used for exemptions.
 */
package dev.gmbot.domain.verification;
