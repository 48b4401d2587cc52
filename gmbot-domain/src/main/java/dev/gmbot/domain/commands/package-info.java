/**
 * The bot's commands ({@code /start}, {@code /help}, {@code /protect}, {@code /unprotect}, {@code
 * /status}, {@code /settings}, {@code /reactivate}, {@code /stats}): one small {@code Command}
 * each, listed by {@link dev.gmbot.domain.commands.CommandPolicy}, deciding {@link
 * dev.gmbot.domain.protection.Decision} values. Authorization, the bot's rights and the resolution
 * of channels are pieces of their own shared by the admin commands; every text comes from the
 * {@code CommandTexts} catalogue.
 */
package dev.gmbot.domain.commands;
