package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import java.util.List;

/**
 * One command: looks at the request and the state it needs and returns what to do. Its replies
 * quote the command's message when there is one (P0); every decision concerns the chat the command
 * was issued in.
 */
interface Command {
  List<Decision> decide(CommandRequest request);
}
