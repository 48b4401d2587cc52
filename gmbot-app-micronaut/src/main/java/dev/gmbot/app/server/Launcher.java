package dev.gmbot.app.server;

import dev.gmbot.adapter.postgres.PersistenceCli;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.WebhookInfo;
import dev.gmbot.adapter.telegram.WebhookSettings;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.runtime.GmbotServer;
import dev.gmbot.app.server.sandbox.SandboxCommand;
import dev.gmbot.app.server.tls.WebhookCertificate;
import dev.gmbot.app.server.wiring.ServerComponents;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.out.BotApiException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar gmbot-server.jar <command>}: {@code server}, {@code sandbox}, {@code migrate},
 * {@code set-webhook}, {@code import-env <file>}; {@code --help} on each. Exit codes: 0 done, 1
 * failed, 2 invalid configuration or usage (one line, no stack trace).
 */
public final class Launcher {
  static final String USAGE =
      """
      usage: gmbot <command> [options]

      commands:
        server             run the bot: webhook (ENVIRONMENT=production and WEBHOOK_URL set) or
                           long polling; serves /health and /metrics on PORT (default 8443)
        sandbox            run the bot against a simulated Telegram in this process (H2, in-process
                           state, no account, no network), play a demo scenario, then take commands
        migrate            apply the database migrations to DATABASE_URL and exit
        set-webhook        register WEBHOOK_URL + GMBOT_WEBHOOK_PATH with WEBHOOK_SECRET and exit
                           (--delete removes the webhook, --info only prints it,
                           --certificate <pem> uploads a self-signed certificate)
        import-env <file>  import a legacy single-group .env file (GROUP_ID, CHANNEL_ID, ...) into
                           the database and exit

      Configuration is read from the environment: BOT_TOKEN, ENVIRONMENT, DATABASE_URL, REDIS_URL,
      WEBHOOK_URL, WEBHOOK_SECRET, PORT, TELEGRAM_API_URL and GMBOT_* tunables
      (see docs/deployment-server.md). `gmbot <command> --help` describes one command.
      """;

  private Launcher() {}

  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.in, System.out, System.err);
    if (code != SERVING) {
      System.exit(code);
    }
  }

  /** Returned by {@code server} after it was stopped by a signal (the JVM is exiting). */
  static final int SERVING = -1;

  /** Runs one command; returns the exit code. */
  public static int run(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    if (args.length == 0 || isHelp(args[0]) || args[0].equals("help")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    boolean help = rest.stream().anyMatch(Launcher::isHelp);
    try {
      return switch (command) {
        case "server" -> help ? print(out, SERVER_HELP) : server(env, err);
        case "sandbox" ->
            help ? print(out, SandboxCommand.HELP) : SandboxCommand.run(rest, env, in, out, err);
        case "migrate" ->
            help
                ? print(out, MIGRATE_HELP)
                : PersistenceCli.run(new String[] {"migrate"}, env, out, err);
        case "import-env" -> {
          if (help) {
            yield print(out, IMPORT_HELP);
          }
          if (rest.size() != 1) {
            err.println("usage: gmbot import-env <path/to/.env>");
            yield 2;
          }
          yield PersistenceCli.run(new String[] {"import-env", rest.get(0)}, env, out, err);
        }
        case "set-webhook" -> help ? print(out, SET_WEBHOOK_HELP) : setWebhook(rest, env, out, err);
        default -> {
          err.println("unknown command '" + command + "' (try: gmbot --help)");
          yield 2;
        }
      };
    } catch (ConfigurationException e) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    }
  }

  private static int server(Map<String, String> env, PrintStream err) {
    ServerConfig config = ServerConfig.fromEnvironment(env);
    GmbotServer server;
    try {
      server = GmbotServer.start(ServerComponents.create(config, Clock.systemUTC()));
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      err.println("start-up failed: " + firstLine(e));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gmbot-shutdown"));
    try {
      server.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return SERVING;
  }

  private static int setWebhook(
      List<String> options, Map<String, String> env, PrintStream out, PrintStream err) {
    boolean delete = options.contains("--delete");
    boolean infoOnly = options.contains("--info");
    ServerConfig config = ServerConfig.fromEnvironment(env);
    try (TelegramBotApiClient client = new TelegramBotApiClient(config.telegram())) {
      TelegramWebhooks webhooks = new TelegramWebhooks(client);
      if (delete) {
        webhooks.deleteWebhook(false);
        out.println("webhook deleted");
      } else if (!infoOnly) {
        if (config.webhookUrl().isEmpty()) {
          throw new ConfigurationException(
              "WEBHOOK_URL", "is not set (expected the public https base URL of the server)");
        }
        WebhookSettings settings =
            WebhookSettings.of(
                config.webhookEndpoint().orElseThrow(),
                TelegramWebhooks.requireSecret(config.webhookSecret(), "set-webhook registers it"));
        Optional<String> certificate = WebhookCertificate.choose(options, config.tls());
        if (certificate.isPresent()) {
          settings = settings.withCertificate(certificate.get());
        }
        webhooks.setWebhook(settings);
        out.println(
            "webhook set to "
                + settings.url()
                + (certificate.isPresent() ? " (self-signed certificate uploaded)" : ""));
      }
      WebhookInfo info = webhooks.getWebhookInfo();
      out.println(
          "webhook: "
              + info.url().orElse("(none: long polling)")
              + ", pending updates: "
              + info.pendingUpdateCount()
              + info.lastErrorMessage().map(m -> ", last error: " + m).orElse(""));
      return 0;
    } catch (BotApiException e) {
      err.println("Telegram refused: " + firstLine(e));
      return 1;
    }
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }

  private static int print(PrintStream out, String text) {
    out.print(text);
    return 0;
  }

  static final String SERVER_HELP =
      """
      usage: gmbot server

      Runs the bot. Mode: ENVIRONMENT=production with WEBHOOK_URL -> webhook (setWebhook with
      WEBHOOK_URL + GMBOT_WEBHOOK_PATH, secret WEBHOOK_SECRET; Telegram posts to POST /webhook);
      otherwise long polling (one poller among instances sharing REDIS_URL). Always serves
      GET /health and GET /metrics on PORT (default 8443). Migrates DATABASE_URL at start-up
      (GMBOT_MIGRATE_ON_START=false to skip). Stops gracefully on SIGTERM / Ctrl-C.
      Required: BOT_TOKEN. See docs/deployment-server.md for every variable.
      """;

  static final String MIGRATE_HELP =
      """
      usage: gmbot migrate

      Applies the Flyway migrations to DATABASE_URL (default: an H2 file under ./data) and exits.
      """;

  static final String IMPORT_HELP =
      """
      usage: gmbot import-env <path/to/.env>

      Migrates DATABASE_URL, then imports a legacy single-group .env file (GROUP_ID, CHANNEL_ID or
      CHANNEL_IDS, CHANNEL_USERNAME(S), OWNER_ID) as a protected group.
      """;

  static final String SET_WEBHOOK_HELP =
      """
      usage: gmbot set-webhook [--delete | --info | --certificate <cert.pem>]

      Registers WEBHOOK_URL + GMBOT_WEBHOOK_PATH (default /webhook) with WEBHOOK_SECRET and the
      update types GMBot needs, then prints getWebhookInfo. --delete removes the webhook (back to
      long polling); --info only prints it. --certificate uploads a self-signed certificate (PEM)
      so that Telegram trusts it; without the option, GMBOT_TLS_CERT is uploaded when it is
      self-signed. Needs BOT_TOKEN.
      """;
}
