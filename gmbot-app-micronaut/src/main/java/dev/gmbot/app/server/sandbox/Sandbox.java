package dev.gmbot.app.server.sandbox;

import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.runtime.GmbotServer;
import dev.gmbot.app.server.wiring.ServerComponents;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimButton;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimPhoto;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox: the real server (same Dagger graph, H2, in-process state) long-polling the testkit's
 * Telegram simulator in the same process. It builds a demo world (an owner, a protected group, a
 * linked public channel), plays actions in it and narrates what the bot did: the group's new
 * messages as the simulator shows them, mutes and releases, button answers, and the domain's effect
 * lines.
 */
public final class Sandbox implements AutoCloseable {
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(15);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final TelegramSimulator sim;
  private final GmbotServer server;
  private final PrintStream out;
  private final Path files;
  private final SimUser owner;
  private final SimChat group;
  private final SimChat channel;
  private final Map<String, SimUser> users = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<String> effects = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<String> shown = new HashSet<>();
  private Map<Long, Boolean> mutedBefore = new HashMap<>();

  private Sandbox(TelegramSimulator sim, GmbotServer server, PrintStream out, Path files) {
    this.sim = sim;
    this.server = server;
    this.out = out;
    this.files = files;
    server.component().outcomes().addListener(this::record);
    this.owner = sim.newUser("Olivia", "olivia");
    users.put("olivia", owner);
    this.channel = sim.newChannel("Sandbox News", owner).withUsername("sandbox_news");
    this.group = sim.newSupergroup("Sandbox Group", owner);
  }

  /**
   * Starts the simulator and the server on it.
   *
   * @param port the HTTP port of the server (/health, /metrics); 0 for any free port
   * @param databaseUrl the H2 database (in memory, or a file under ./data)
   * @param files where the {@code stats} command saves the charts (created on first use)
   */
  public static Sandbox start(int port, String databaseUrl, PrintStream out, Path files) {
    TelegramSimulator sim = TelegramSimulator.start();
    try {
      Map<String, String> env = new HashMap<>();
      env.put("BOT_TOKEN", sim.token());
      env.put("TELEGRAM_API_URL", sim.baseUrl());
      env.put("ENVIRONMENT", "development");
      env.put("DATABASE_URL", databaseUrl);
      env.put("PORT", Integer.toString(port));
      env.put("GMBOT_INSTANCE_ID", "sandbox");
      ServerConfig config = ServerConfig.fromEnvironment(env);
      GmbotServer server =
          GmbotServer.start(
              ServerComponents.create(config, Clock.systemUTC()),
              new LongPoller.Settings(5, 100, Duration.ofMillis(100), Duration.ofSeconds(1)));
      return new Sandbox(sim, server, out, files);
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  public GmbotServer server() {
    return server;
  }

  private void record(UpdateOutcome outcome) {
    outcome
        .result()
        .ifPresent(
            result -> {
              for (String effect : result.effects()) {
                effects.add(effect);
              }
            });
    if (!outcome.acknowledged()) {
      effects.add("update " + outcome.updateType() + " not acknowledged: " + outcome.kind());
    }
  }

  /** Sets the stage: the bot becomes admin of the channel and the group, the owner protects it. */
  public void setUp() {
    say("Setting the stage: Olivia owns the channel @sandbox_news and the group \"Sandbox Group\"");
    channel.withBotAsAdmin(AdminRights.guard());
    group.withBotAsAdmin(AdminRights.guard());
    settle();
    act("olivia", "/protect @sandbox_news", () -> owner.says(group, "/protect @sandbox_news"));
    act("olivia", "sends /start to the bot (so it can warn her in private)", owner::startsBot);
  }

  /** The demo: a join, a mute and prompt, subscribe + verify, a release; a channel leave. */
  public void playScenario() {
    setUp();
    act("alice", "joins the group", () -> user("alice").joins(group));
    press("alice");
    subscribeAndPress("alice");
    act("bob", "subscribes to @sandbox_news", () -> user("bob").subscribes(channel));
    act("bob", "joins the group", () -> user("bob").joins(group));
    act("bob", "says hello", () -> user("bob").says(group, "hello everyone"));
    act("bob", "leaves @sandbox_news", () -> user("bob").unsubscribes(channel));
    status();
  }

  /** Runs one console command; returns false for {@code quit}. */
  public boolean command(String line) {
    String[] words = line.strip().split("\\s+", 3);
    if (words.length == 0 || words[0].isEmpty()) {
      return true;
    }
    String verb = words[0].toLowerCase(Locale.ROOT);
    String name = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
    try {
      switch (verb) {
        case "quit", "exit" -> {
          return false;
        }
        case "help" -> out.print(CONSOLE_HELP);
        case "status" -> status();
        case "transcript" -> out.print(group.transcript());
        case "stats" -> stats();
        case "join" -> act(need(name), "joins the group", () -> user(name).joins(group));
        case "leave-group" -> act(need(name), "leaves the group", () -> user(name).leaves(group));
        case "subscribe" ->
            act(need(name), "subscribes to @sandbox_news", () -> user(name).subscribes(channel));
        case "leave", "unsubscribe" ->
            act(need(name), "leaves @sandbox_news", () -> user(name).unsubscribes(channel));
        case "verify" -> press(need(name));
        case "say" -> {
          String text = words.length > 2 ? words[2] : "hello";
          act(need(name), "says \"" + text + "\"", () -> user(name).says(group, text));
        }
        case "demote-bot" -> act("olivia", "demotes the bot in the group", group::demoteBot);
        case "promote-bot" ->
            act("olivia", "makes the bot admin again", () -> group.promoteBot(AdminRights.guard()));
        case "reactivate" -> act("olivia", "/reactivate", () -> owner.says(group, "/reactivate"));
        default -> out.println("unknown command '" + verb + "' (type help)");
      }
    } catch (RuntimeException e) {
      out.println("  ! " + e.getMessage());
    }
    return true;
  }

  static final String CONSOLE_HELP =
      """
      commands (NAME is any first name; users are created on first use):
        join NAME          NAME joins the group
        subscribe NAME     NAME subscribes to the channel @sandbox_news
        leave NAME         NAME leaves the channel
        leave-group NAME   NAME leaves the group
        verify NAME        NAME presses the verify button of their prompt
        say NAME TEXT      NAME writes TEXT in the group
        demote-bot | promote-bot | reactivate   Olivia (the owner) changes the bot's rights
        stats              Olivia sends /stats: the chart is saved as a PNG file
        status             who is muted; transcript: the whole group chat
        quit               stop the sandbox
      """;

  private static String need(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("which user? e.g. join alice");
    }
    return name;
  }

  private SimUser user(String name) {
    return users.computeIfAbsent(
        name,
        n ->
            sim.newUser(
                Character.toUpperCase(n.charAt(0)) + n.substring(1),
                n.replaceAll("[^a-z0-9_]", "")));
  }

  private void press(String name) {
    SimUser who = user(name);
    Optional<SimMessage> prompt = newestPrompt();
    if (prompt.isEmpty()) {
      act(name, "looks for a verify button", () -> {});
      out.println("  (there is no prompt with a verify button in the group)");
      return;
    }
    String button = verifyButton(prompt.get()).orElseThrow().text();
    String[] query = new String[1];
    act(name, "presses [" + button + "]", () -> query[0] = who.presses(prompt.get(), button));
    sim.callbackAnswer(query[0])
        .ifPresent(text -> out.println("  ↳ answer to the button: " + text));
  }

  /** Subscribes, then at once presses the verify button of the newest prompt. */
  private void subscribeAndPress(String name) {
    SimUser who = user(name);
    Optional<SimMessage> prompt = newestPrompt();
    if (prompt.isEmpty()) {
      act(name, "subscribes to @sandbox_news", () -> who.subscribes(channel));
      return;
    }
    String button = verifyButton(prompt.get()).orElseThrow().text();
    String[] query = new String[1];
    act(
        name,
        "subscribes to @sandbox_news and presses [" + button + "]",
        () -> {
          who.subscribes(channel);
          query[0] = who.presses(prompt.get(), button);
        });
    sim.callbackAnswer(query[0])
        .ifPresent(text -> out.println("  ↳ answer to the button: " + text));
  }

  private Optional<SimMessage> newestPrompt() {
    return group.botMessages().stream()
        .filter(m -> !m.deleted() && verifyButton(m).isPresent())
        .reduce((first, second) -> second);
  }

  private static Optional<SimButton> verifyButton(SimMessage message) {
    return message.keyboard().stream()
        .flatMap(List::stream)
        .filter(b -> b.callbackData().isPresent())
        .findFirst();
  }

  private void act(String name, String what, Runnable action) {
    mutedBefore = mutedNow();
    out.println();
    out.println("▶ " + displayName(name) + " " + what);
    action.run();
    settle();
    report();
  }

  private String displayName(String name) {
    return users.containsKey(name) ? users.get(name).firstName() : user(name).firstName();
  }

  /**
   * Waits until the server has fetched and handled every update the simulator queued and carried
   * out what they left in the effect outbox (a reply that met a message meter comes about a second
   * later, from a drain worker).
   */
  private void settle() {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while ((sim.pendingUpdateCount() > 0 || outboxPending()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (sim.pendingUpdateCount() > 0) {
      out.println("  (the bot has not handled every update yet)");
    }
  }

  private boolean outboxPending() {
    return server.component().database().outbox().depth(Instant.now()).pending() > 0;
  }

  private Map<Long, Boolean> mutedNow() {
    Map<Long, Boolean> muted = new HashMap<>();
    for (SimUser u : users.values()) {
      muted.put(u.id(), group.isMuted(u));
    }
    return muted;
  }

  private void report() {
    printNew(group.transcript(), "[Sandbox Group]");
    ownerChat().ifPresent(chat -> printNew(chat.transcript(), "[Olivia's chat with the bot]"));
    Map<Long, Boolean> now = mutedNow();
    boolean changed = false;
    for (SimUser u : users.values()) {
      boolean was = mutedBefore.getOrDefault(u.id(), false);
      boolean is = now.getOrDefault(u.id(), false);
      if (!was && is) {
        out.println("  🔇 " + u.firstName() + " is muted (restricted by the bot)");
        changed = true;
      } else if (was && !is) {
        out.println("  🔊 " + u.firstName() + " is released: they can write again");
        changed = true;
      }
    }
    String effect;
    while ((effect = effects.poll()) != null) {
      out.println("  ⚙ " + effect);
      changed = true;
    }
    if (!changed) {
      out.println("  ✓ nothing for the bot to do");
    }
  }

  /** Olivia's private chat with the bot, once she opened it. */
  private Optional<SimChat> ownerChat() {
    try {
      return Optional.of(sim.chat(owner.id()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Prints the transcript lines not shown before (new messages, edits, deletions). */
  private void printNew(String transcript, String where) {
    for (String line : transcript.split("\n")) {
      if (line.startsWith("# ") || line.startsWith("restricted:") || line.isBlank()) {
        continue;
      }
      if (shown.add(where + line)) {
        out.println("  " + where + " " + line.strip());
      }
    }
  }

  /**
   * Olivia's /stats in the group: the chart the bot sends is saved as a PNG file under {@link
   * #files}, and its path and caption printed (where the group refuses photos the figures are in
   * the text the narration shows).
   */
  private void stats() {
    int photos = groupPhotos().size();
    int messages = group.botMessages().size();
    act("olivia", "/stats", () -> owner.says(group, "/stats"));
    Optional<SimPhoto> chart = awaitPhoto(photos, messages);
    if (chart.isEmpty()) {
      out.println("  (no chart arrived: the figures, if any, are in the text above)");
      return;
    }
    SimPhoto photo = chart.get();
    String name =
        "sandbox-stats-"
            + STAMP.format(LocalDateTime.now(ZoneOffset.UTC))
            + "-"
            + photo.messageId()
            + ".png";
    Path file = files.resolve(name).toAbsolutePath();
    try {
      Files.createDirectories(files);
      Files.write(file, photo.file().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the chart to " + file, e);
    }
    out.println("  🖼 chart saved to " + file);
    for (String line : photo.caption().split("\n")) {
      out.println("  │ " + line);
    }
  }

  private List<SimPhoto> groupPhotos() {
    return sim.photos().stream().filter(p -> p.chatId() == group.id()).toList();
  }

  /**
   * The group's first photo after the {@code seen} ones, waiting for it until a text with figures
   * comes instead (the fallback) or the timeout passes.
   */
  private Optional<SimPhoto> awaitPhoto(int seen, int messagesSeen) {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (true) {
      List<SimPhoto> photos = groupPhotos();
      if (photos.size() > seen) {
        return Optional.of(photos.get(seen));
      }
      List<SimMessage> messages = group.botMessages();
      boolean text =
          messages.subList(Math.min(messagesSeen, messages.size()), messages.size()).stream()
              .anyMatch(m -> m.text().contains("📊"));
      if (text || System.nanoTime() > deadline) {
        return Optional.empty(); // the text fallback arrived, or nothing did
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /** Prints who is muted in the group. */
  public void status() {
    List<String> muted =
        users.values().stream().filter(group::isMuted).map(SimUser::firstName).toList();
    out.println();
    out.println(
        "Status: "
            + (muted.isEmpty() ? "nobody is muted" : "muted: " + String.join(", ", muted))
            + " — health: http://localhost:"
            + server.port()
            + "/health, metrics: http://localhost:"
            + server.port()
            + "/metrics");
  }

  private void say(String text) {
    out.println("▶ " + text);
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      sim.close();
    }
  }
}
