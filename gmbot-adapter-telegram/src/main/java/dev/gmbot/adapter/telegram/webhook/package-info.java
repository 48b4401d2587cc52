/**
 * The driving side of the Telegram adapter: what both deployables hand Telegram's updates to.
 *
 * <ul>
 *   <li>{@link dev.gmbot.adapter.telegram.webhook.UpdateProcessor}: decode, hand to the {@code
 *       HandleEventUseCase}, map what happened to an {@link
 *       dev.gmbot.adapter.telegram.webhook.UpdateOutcome}, drop poison updates. The webhook and the
 *       long poller's handler both use it.
 *   <li>{@link dev.gmbot.adapter.telegram.webhook.WebhookEndpoint}: one webhook request, framework
 *       free: the secret (constant time), method and size checks, the processor, and the answer
 *       Telegram acts on ({@link dev.gmbot.adapter.telegram.webhook.WebhookResponse}), with the
 *       webhook reply ({@link dev.gmbot.adapter.telegram.webhook.WebhookReplySlot}, {@link
 *       dev.gmbot.adapter.telegram.webhook.ReplyingTelegram}).
 * </ul>
 *
 * The Micronaut controller of the server and the Lambda handlers only translate their HTTP types to
 * {@link dev.gmbot.adapter.telegram.webhook.WebhookRequest} and back (ADR 0075).
 */
package dev.gmbot.adapter.telegram.webhook;
