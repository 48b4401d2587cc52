package dev.gmbot.port.in;

/** /reactivate as a call: re-checks the bot's rights everywhere and resumes, or says what lacks. */
public interface ReactivateGroupUseCase {
  CommandReply reactivate(ReactivateGroupCommand command);
}
