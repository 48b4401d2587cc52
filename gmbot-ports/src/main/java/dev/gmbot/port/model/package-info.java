/**
 * Values shared by every module: typed ids, Telegram-independent descriptions of chats, members,
 * rights and messages. Records validate themselves; collections are copied; nothing is null.
 */
package dev.gmbot.port.model;
