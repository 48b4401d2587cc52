package dev.gmbot.testkit.simulator;

import dev.gmbot.testkit.simulator.World.ChatKind;
import dev.gmbot.testkit.simulator.World.ChatState;
import dev.gmbot.testkit.simulator.World.UpdateState;
import dev.gmbot.testkit.simulator.World.UserState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Telegram Bot API server on loopback with a scriptable world. Start one per test class:
 *
 * <pre>{@code
 * try (var sim = TelegramSimulator.start()) {
 *   var alice = sim.newUser("Alice");
 *   var group = sim.newSupergroup("Guarded Group").withBotAsAdmin(AdminRights.guard());
 *   alice.joins(group);
 *   // point the bot at sim.apiUrl() with sim.token() …
 * }
 * }</pre>
 */
public final class TelegramSimulator implements AutoCloseable {
  private final SimulatorConfig config;
  private final CallLog calls = new CallLog();
  private final Faults faults = new Faults();
  private volatile World world;
  private volatile BotApi api;
  private final WebhookHolder webhook = new WebhookHolder();
  private final HttpFront front;

  private static final class WebhookHolder {
    volatile WebhookDelivery delivery;
    final List<WebhookDelivery> mirrors = new java.util.concurrent.CopyOnWriteArrayList<>();
  }

  private TelegramSimulator(SimulatorConfig config) throws IOException {
    this.config = config;
    installWorld();
    this.front = new HttpFront(this, config.port());
  }

  private void installWorld() {
    World previous = this.world;
    if (previous != null) {
      previous.lock.lock();
      try {
        previous.pollGeneration++; // a poller still waiting in the old world gets a 409 now
        previous.updatesChanged.signalAll();
      } finally {
        previous.lock.unlock();
      }
    }
    World w = new World(config);
    WebhookDelivery old = webhook.delivery;
    WebhookDelivery d = new WebhookDelivery(w);
    w.webhookPump = d::pump;
    this.world = w;
    this.api = new BotApi(w);
    webhook.delivery = d;
    if (old != null) {
      old.close();
    }
    for (WebhookDelivery m : webhook.mirrors) {
      m.close();
    }
    webhook.mirrors.clear();
  }

  /** The URL set with setWebhook, empty when none is. */
  public String webhookUrl() {
    return inWorld(w -> w.webhookUrl);
  }

  /**
   * From now on every update is also delivered to {@code url} (with this secret header, none when
   * empty), independently of the webhook set with setWebhook: its own queue, one update in flight
   * per queue key, retries as Telegram's. Models a deployment where each update reaches two
   * instances. Forgotten on {@link #reset()}.
   */
  public void mirrorWebhookTo(String url, String secret) {
    World.Mirror mirror = new World.Mirror(url, secret);
    WebhookDelivery delivery = new WebhookDelivery(world, mirror);
    mirror.pump = delivery::pump;
    webhook.mirrors.add(delivery);
    inWorld(
        w -> {
          w.mirrors.add(mirror);
          return null;
        });
  }

  /** Updates the mirrors have not delivered yet (0 without mirrors). */
  public int mirrorPendingCount() {
    return inWorld(w -> w.mirrors.stream().mapToInt(m -> m.pending.size()).sum());
  }

  /** Every delivery attempt to the mirrors so far, in completion order. */
  public List<WebhookAnswer> mirrorAnswers() {
    return webhook.mirrors.stream().flatMap(m -> m.answers.stream()).toList();
  }

  /**
   * One webhook delivery as the server answered it: the update, the HTTP status (0 when the
   * connection failed or timed out) and how long the answer took, measured by the delivering side.
   */
  public record WebhookAnswer(long updateId, int status, java.time.Duration took) {}

  /** Every webhook delivery attempt so far (of the current world), in completion order. */
  public List<WebhookAnswer> webhookAnswers() {
    WebhookDelivery d = webhook.delivery;
    return d == null ? List.of() : List.copyOf(d.answers);
  }

  /** Starts a simulator with {@link SimulatorConfig#defaults()}. */
  public static TelegramSimulator start() {
    return start(SimulatorConfig.defaults());
  }

  public static TelegramSimulator start(SimulatorConfig config) {
    try {
      return new TelegramSimulator(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Bot API simulator", e);
    }
  }

  /** Forgets the whole world (users, chats, updates, webhook, flood state, call log). */
  public void reset() {
    installWorld();
    calls.clear();
    faults.clear();
  }

  // ------------------------------------------------------------ connection facts

  /** E.g. {@code http://127.0.0.1:41234} — the value for TELEGRAM_API_URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + front.port();
  }

  /** {@code baseUrl()/bot<token>/} — prefix of every method URL. */
  public URI methodUri(String method) {
    return URI.create(baseUrl() + "/bot" + config.token() + "/" + method);
  }

  public String token() {
    return config.token();
  }

  public int port() {
    return front.port();
  }

  public SimulatorConfig config() {
    return config;
  }

  // ------------------------------------------------------------ tooling

  public CallLog calls() {
    return calls;
  }

  public Faults faults() {
    return faults;
  }

  /** Turns the flood model on or off (or changes it) for the rest of the test. */
  public TelegramSimulator flood(FloodRules rules) {
    world.flood.setRules(rules);
    return this;
  }

  /** Every update the world produced for the bot (after allowed_updates filtering), in order. */
  public List<Map<String, Object>> updates() {
    return inWorld(w -> List.copyOf(w.emitted));
  }

  /** The updates emitted of one type (e.g. {@code chat_member}), each the inner object. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> updates(String type) {
    return updates().stream()
        .filter(u -> u.containsKey(type))
        .map(u -> (Map<String, Object>) u.get(type))
        .toList();
  }

  /** Updates not yet confirmed (getUpdates) or delivered (webhook). */
  public int pendingUpdateCount() {
    return inWorld(w -> w.pending.size());
  }

  /** The pending updates' ids in order. */
  public List<Long> pendingUpdateIds() {
    return inWorld(w -> w.pending.stream().map((UpdateState u) -> u.id).toList());
  }

  /** Answers recorded for a callback query: text, or empty if not answered. */
  public Optional<String> callbackAnswer(String callbackQueryId) {
    return inWorld(
        w -> {
          World.CallbackState cb = w.callbacks.get(callbackQueryId);
          return cb == null || !cb.answered ? Optional.<String>empty() : Optional.of(cb.text);
        });
  }

  /**
   * The menu the bot registered with setMyCommands for a scope type ({@code all_private_chats},
   * {@code all_chat_administrators}, {@code default}, …) and a two-letter language ("" for the menu
   * of every other language); empty when none.
   */
  public List<SimCommand> commandMenu(String scopeType, String languageCode) {
    return inWorld(
        w -> w.commandMenus.getOrDefault(BotApi.menuKey(scopeType, languageCode), List.of()));
  }

  /** Every picture the bot sent with sendPhoto, in order, with the uploaded bytes. */
  public List<SimPhoto> photos() {
    return inWorld(w -> List.copyOf(w.photos));
  }

  /**
   * From now on the chat refuses the bot's photos as Telegram does when the bot lacks the right to
   * send them ("not enough rights to send photos to the chat"); text still goes through.
   */
  public TelegramSimulator denyPhotos(long chatId) {
    inWorld(w -> w.photosDenied.add(chatId));
    return this;
  }

  // ------------------------------------------------------------ world building

  /** The bot itself as a user. */
  public SimUser bot() {
    return new SimUser(this, config.botId());
  }

  public SimUser newUser(String firstName) {
    return newUser(firstName, firstName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", ""));
  }

  public SimUser newUser(String firstName, String username) {
    long id = inWorld(w -> w.newUser(firstName, "", username, false).id);
    return new SimUser(this, id);
  }

  /** Another bot (bots never see each other's messages). */
  public SimUser newBotUser(String firstName, String username) {
    long id = inWorld(w -> w.newUser(firstName, "", username, true).id);
    return new SimUser(this, id);
  }

  /** A basic group owned by a new user "Owner of &lt;title&gt;". */
  public SimChat newGroup(String title) {
    return newChat(ChatKind.GROUP, title, null);
  }

  public SimChat newGroup(String title, SimUser owner) {
    return newChat(ChatKind.GROUP, title, owner);
  }

  public SimChat newSupergroup(String title) {
    return newChat(ChatKind.SUPERGROUP, title, null);
  }

  public SimChat newSupergroup(String title, SimUser owner) {
    return newChat(ChatKind.SUPERGROUP, title, owner);
  }

  /** A private channel (no username); call {@link SimChat#withUsername} to make it public. */
  public SimChat newChannel(String title) {
    return newChat(ChatKind.CHANNEL, title, null);
  }

  public SimChat newChannel(String title, SimUser owner) {
    return newChat(ChatKind.CHANNEL, title, owner);
  }

  private SimChat newChat(ChatKind kind, String title, SimUser owner) {
    long ownerId = owner != null ? owner.id() : newUser("Owner", "").id();
    long id = inWorld(w -> w.newChat(kind, title, ownerId).id);
    return new SimChat(this, id);
  }

  /** A handle for an existing chat id. */
  public SimChat chat(long chatId) {
    inWorld(
        w -> {
          if (!w.chats.containsKey(chatId)) {
            throw new IllegalArgumentException("no chat " + chatId);
          }
          return null;
        });
    return new SimChat(this, chatId);
  }

  public SimUser user(long userId) {
    inWorld(
        w -> {
          if (!w.users.containsKey(userId)) {
            throw new IllegalArgumentException("no user " + userId);
          }
          return null;
        });
    return new SimUser(this, userId);
  }

  // ------------------------------------------------------------ internals

  Object execute(String method, Params params) throws InterruptedException {
    World w = world;
    w.lock.lock();
    try {
      return api.call(method, params);
    } finally {
      w.lock.unlock();
    }
  }

  <T> T inWorld(Function<World, T> action) {
    World w = world;
    w.lock.lock();
    try {
      return action.apply(w);
    } finally {
      w.lock.unlock();
    }
  }

  UserState userState(World w, long id) {
    return w.users.get(id);
  }

  ChatState chatState(World w, long id) {
    ChatState c = w.chats.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no chat " + id);
    }
    return c;
  }

  @Override
  public void close() {
    front.close();
    WebhookDelivery d = webhook.delivery;
    if (d != null) {
      d.close();
    }
    webhook.mirrors.forEach(WebhookDelivery::close);
  }
}
