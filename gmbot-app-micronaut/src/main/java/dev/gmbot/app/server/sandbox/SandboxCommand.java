package dev.gmbot.app.server.sandbox;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code gmbot sandbox}: placeholder until the simulator lands (work in progress). */
public final class SandboxCommand {
  public static final String HELP = "usage: gmbot sandbox [--scenario-only]\n";

  private SandboxCommand() {}

  public static int run(
      List<String> options,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    err.println("sandbox: not wired yet");
    return 1;
  }
}
