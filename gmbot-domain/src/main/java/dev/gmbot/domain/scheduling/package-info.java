/**
 * Rate scheduling (ADRs 0010-0013): the {@link dev.gmbot.domain.scheduling.BotCallScheduler} seam
 * every outbound Bot API call passes, the {@link
 * dev.gmbot.domain.scheduling.PriorityBotCallScheduler} behind it (priorities, GCRA message meters,
 * 429 pauses, retries, migration) and {@link dev.gmbot.domain.scheduling.LocalRateLimitStore}, the
 * in-process meter store.
 */
package dev.gmbot.domain.scheduling;
