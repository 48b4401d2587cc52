/**
 * The Telegram adapter: the Bot API client ({@link
 * dev.gmbot.adapter.telegram.TelegramBotApiClient}, OkHttp + Moshi), the driven ports over it
 * ({@link dev.gmbot.adapter.telegram.TelegramBotApi}), update decoding ({@link
 * dev.gmbot.adapter.telegram.TelegramUpdateDecoder}), long polling ({@link
 * dev.gmbot.adapter.telegram.LongPoller}) and webhook management ({@link
 * dev.gmbot.adapter.telegram.TelegramWebhooks}). The adapter is also the driving side for webhooks:
 * {@code .webhook} holds the framework-free endpoint and the update processor both deployables use.
 * Bot API JSON types live in {@code .internal} and never leave the adapter.
 */
package dev.gmbot.adapter.telegram;
