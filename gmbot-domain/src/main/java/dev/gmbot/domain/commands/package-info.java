/**
 * The bot's commands ({@code /start}, {@code /help}, {@code /protect}, {@code /unprotect}, {@code
 * /status}, {@code /settings}, {@code /reactivate}, {@code /stats}), decided as {@link
 * dev.gmbot.domain.protection.Decision} values by {@link dev.gmbot.domain.commands.CommandPolicy}.
 */
package dev.gmbot.domain.commands;
