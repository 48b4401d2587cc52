package dev.gmbot.adapter.telegram.internal;

/** Bot API {@code MessageEntity}; offset and length are in UTF-16 code units. */
public record TgEntity(String type, Integer offset, Integer length) {}
