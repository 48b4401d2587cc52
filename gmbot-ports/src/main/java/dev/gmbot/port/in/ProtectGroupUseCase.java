package dev.gmbot.port.in;

/** /protect as a call: checks every permission, then turns protection on (DESIGN §3.2, PLAN §5). */
public interface ProtectGroupUseCase {
  CommandReply protect(ProtectGroupCommand command);
}
