/**
 * Implementation details of the Telegram adapter: Bot API JSON records (public only because Moshi's
 * reflective record adapter needs them public), their mapping to port values, the error classifier
 * and the token redactor. Not an API: nothing outside {@code dev.gmbot.adapter.telegram} may use
 * it.
 */
package dev.gmbot.adapter.telegram.internal;
