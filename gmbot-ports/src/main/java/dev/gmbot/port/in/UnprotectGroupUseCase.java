package dev.gmbot.port.in;

/** /unprotect as a call: unlinks channels; when protection ends, lifts the mutes GMBot made. */
public interface UnprotectGroupUseCase {
  CommandReply unprotect(UnprotectGroupCommand command);
}
