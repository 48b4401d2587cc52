package dev.gmbot.port.in;

/** /protect as a call: checks every permission, then turns protection on (the setup wizard). */
public interface ProtectGroupUseCase {
  CommandReply protect(ProtectGroupCommand command);
}
