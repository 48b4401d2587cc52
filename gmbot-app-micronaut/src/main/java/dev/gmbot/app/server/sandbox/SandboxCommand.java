package dev.gmbot.app.server.sandbox;

import dev.gmbot.app.server.logging.ServerLogging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code gmbot sandbox [--scenario-only] [--persistent] [--port N] [--train-start-up-cache]}: runs
 * the bot against the in-process Telegram simulator, plays the demo scenario, then takes console
 * commands (stdin) until {@code quit}; without a console it keeps serving until Ctrl-C.
 */
public final class SandboxCommand {
  public static final String HELP =
      """
      usage: gmbot sandbox [--scenario-only] [--persistent] [--port N] [--train-start-up-cache]

      Runs GMBot against a simulated Telegram inside this process: no Telegram account, no network,
      no BOT_TOKEN. The database is H2 in memory (--persistent: ./data/sandbox), state is in process.
      It creates Olivia (owner), the channel @sandbox_news and the group "Sandbox Group", protects
      the group, plays a short scenario and prints what happens in the chat:
        Alice joins -> muted and prompted; subscribes and presses verify -> released;
        Bob (subscribed) joins and writes; Bob leaves the channel -> muted again.
      Then type commands (join alice, subscribe alice, verify alice, leave alice, say alice hi,
      stats, status, transcript, help, quit). stats sends /stats as Olivia and saves the chart the
      bot answers with as a PNG file (./data/sandbox-stats-<time>-<id>.png with --persistent,
      otherwise under <temp dir>/gmbot-sandbox/) and prints its path and caption. /health and
      /metrics are served on --port (default: PORT if set, otherwise any free port; the address is
      printed).

        --scenario-only   exit after the scenario (used by tests and CI)
        --persistent      keep the H2 database in ./data/sandbox between runs
        --port N          HTTP port of /health and /metrics
        --train-start-up-cache
                          after the scenario, also open the PostgreSQL and Redis clients against
                          a local port that refuses (the launcher's training run of its start-up
                          cache, so that it holds their classes too)
      """;

  /** Sandboxes started in this JVM: each gets a fresh in-memory database. */
  private static final AtomicInteger STARTS = new AtomicInteger();

  private SandboxCommand() {}

  public static int run(
      List<String> options,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    ServerLogging.useForConsole(); // a person reads it, whatever GMBOT_LOG_FORMAT says
    boolean scenarioOnly = options.contains("--scenario-only");
    boolean persistent = options.contains("--persistent");
    boolean training = options.contains("--train-start-up-cache");
    int port = port(options, env);
    if (port < 0) {
      err.println(
          "usage: gmbot sandbox [--scenario-only] [--persistent] [--port N]"
              + " [--train-start-up-cache]");
      return 2;
    }
    String databaseUrl =
        persistent
            ? "jdbc:h2:file:./data/sandbox"
            : "jdbc:h2:mem:gmbot-sandbox-"
                + ProcessHandle.current().pid()
                + "-"
                + STARTS.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1";
    Path files =
        persistent
            ? Path.of("data")
            : Path.of(System.getProperty("java.io.tmpdir"), "gmbot-sandbox");
    out.println("GMBot sandbox: a simulated Telegram in this process (no account, no network)");
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(port, databaseUrl, out, files);
    } catch (RuntimeException e) {
      err.println("sandbox start-up failed: " + e.getMessage());
      return 1;
    }
    try {
      sandbox.playScenario();
      out.println();
      if (training) {
        ProductionClients.exerciseAndReport(Clock.systemUTC(), out);
      }
      if (scenarioOnly) {
        out.println("Scenario done (--scenario-only): stopping.");
        return 0;
      }
      out.print(Sandbox.CONSOLE_HELP);
      out.print("> ");
      out.flush();
      if (!console(sandbox, in, out)) {
        return 0; // quit
      }
      out.println();
      out.println("No more console input: the sandbox keeps serving until Ctrl-C.");
      CountDownLatch forever = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    sandbox.close();
                    forever.countDown();
                  },
                  "gmbot-sandbox-shutdown"));
      forever.await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      sandbox.close();
    }
  }

  /** Reads commands until quit (false) or the end of input (true). */
  private static boolean console(Sandbox sandbox, InputStream in, PrintStream out) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!sandbox.command(line)) {
          return false;
        }
        out.print("> ");
        out.flush();
      }
    } catch (IOException e) {
      out.println("console closed: " + e.getMessage());
    }
    return true;
  }

  private static int port(List<String> options, Map<String, String> env) {
    int at = options.indexOf("--port");
    String value =
        at >= 0
            ? (at + 1 < options.size() ? options.get(at + 1) : "")
            : env.getOrDefault("PORT", "0");
    try {
      int port = Integer.parseInt(value.strip());
      return port >= 0 && port <= 65_535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
