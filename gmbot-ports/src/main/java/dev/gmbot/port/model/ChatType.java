package dev.gmbot.port.model;

/** Telegram's chat types. */
public enum ChatType {
  PRIVATE,
  GROUP,
  SUPERGROUP,
  CHANNEL;

  public boolean isGroup() {
    return this == GROUP || this == SUPERGROUP;
  }
}
