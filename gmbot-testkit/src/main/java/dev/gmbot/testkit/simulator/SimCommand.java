package dev.gmbot.testkit.simulator;

/** One command of a menu the bot registered with setMyCommands. */
public record SimCommand(String command, String description) {}
