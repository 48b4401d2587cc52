/**
 * Driving side: the inbound events decoded from Telegram updates, and the use cases through which a
 * transport (webhook, long polling, Lambda, an embedding application) drives the domain.
 */
package dev.gmbot.port.in;
