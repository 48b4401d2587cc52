package dev.gmbot.port.in;

/** /status as a call: the channels, active or paused and why, verified and restricted counts. */
public interface ShowGroupStatusUseCase {
  CommandReply status(GroupStatusQuery query);
}
