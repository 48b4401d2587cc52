package dev.gmbot.app.lambda.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.app.lambda.LambdaComponent;
import dev.gmbot.app.lambda.LambdaEvents;
import dev.gmbot.app.lambda.LambdaEvents.Answer;
import dev.gmbot.app.lambda.LambdaEvents.Kind;
import dev.gmbot.app.lambda.LambdaRuntime;
import dev.gmbot.app.lambda.PromptSweepHandler;
import dev.gmbot.app.lambda.TestContext;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimPhoto;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import dev.gmbot.testkit.simulator.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The deployable end to end: the Bot API simulator on loopback delivers real Update JSON to a
 * Function URL stand-in, which invokes the Lambda handler with real event JSON (1.0 and 2.0, plain
 * and base64) through the runtime's serializers; the handler's Dagger graph talks to the simulator
 * over HTTP and to the store the subclass names (H2 in process, or PostgreSQL and Redis).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LambdaScenarios {
  static final String VERIFY = "✅ I joined - verify";
  private static final List<String> ALLOWED_UPDATES =
      List.of(
          "message",
          "edited_message",
          "callback_query",
          "chat_member",
          "my_chat_member",
          "chat_join_request");

  private final String secret = "e2e-" + UUID.randomUUID();
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  TelegramSimulator sim;
  LambdaComponent graph;
  FunctionUrlEmulator front;

  /** The function's environment (another container of the same function is built from it). */
  Map<String, String> functionEnv;

  /** The store-specific variables (DATABASE_URL, REDIS_URL, …); may skip the class. */
  abstract Map<String, String> storeEnvironment();

  /** Removes what the run left in the store (schemas, keys); nothing by default. */
  void cleanUpStore() {}

  @BeforeAll
  void startEverything() throws Exception {
    Map<String, String> store = storeEnvironment();
    sim = TelegramSimulator.start();
    Map<String, String> env = new HashMap<>(store);
    env.put("BOT_TOKEN", sim.token());
    env.put("WEBHOOK_SECRET", secret);
    env.put("TELEGRAM_API_URL", sim.baseUrl());
    env.put("GMBOT_WEBHOOK_REPLY", "true");
    env.put("GMBOT_TRANSIENT_RETRIES", "0");
    functionEnv = Map.copyOf(env);
    graph = LambdaRuntime.graph(LambdaConfig.fromEnvironment(env), Clock.systemUTC(), stdout::add);
    front = new FunctionUrlEmulator(graph.webhookFunction(), sim::methodUri);
    // What the operator does once after deploying (docs/deployment-lambda.md).
    String body =
        "{\"url\":\""
            + front.url()
            + "\",\"secret_token\":\""
            + secret
            + "\",\"allowed_updates\":[\""
            + String.join("\",\"", ALLOWED_UPDATES)
            + "\"]}";
    HttpResponse<String> set =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sim.methodUri("setWebhook"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
  }

  @AfterAll
  void stopEverything() throws java.io.IOException {
    // The function's log and EMF lines, for reading after a failure.
    java.nio.file.Files.write(
        java.nio.file.Path.of("target", getClass().getSimpleName() + "-stdout.log"), stdout);
    if (front != null) {
      front.close();
    }
    if (graph != null) {
      graph.resources().close();
    }
    if (sim != null) {
      sim.close();
    }
    cleanUpStore();
  }

  /**
   * Waits until every update the simulator emitted was delivered and acknowledged, and what they
   * left in the effect outbox (a reply that met a message meter, a 429 pause, a retry: ADR 0087)
   * was carried out by the scheduled function, invoked here as EventBridge invokes it; effects of
   * the drained calls' own updates are settled too.
   */
  void settle() {
    for (int run = 0; run < 10; run++) {
      awaitAcknowledged();
      if (outboxPending() == 0) {
        return;
      }
      scheduledRun();
    }
    awaitAcknowledged();
    assertThat(outboxPending()).as("deferred effects left after 10 scheduled runs").isZero();
  }

  /** Waits until every update the simulator emitted was delivered and acknowledged. */
  void awaitAcknowledged() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .failFast("the handler threw: " + front.failures(), () -> !front.failures().isEmpty())
        .until(
            () ->
                front.acknowledged().containsAll(emittedUpdateIds())
                    && sim.pendingUpdateCount() == 0
                    && front.idle());
    assertThat(front.failures()).as("the handler threw").isEmpty();
  }

  /** Deferred effects waiting in the function's outbox. */
  long outboxPending() {
    return graph.database().outbox().depth(java.time.Instant.now()).pending();
  }

  /** An EventBridge "Scheduled Event", as the schedule of template.yaml sends it. */
  static final Map<String, Object> SCHEDULED_EVENT =
      Map.of(
          "version", "0",
          "id", "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
          "detail-type", "Scheduled Event",
          "source", "aws.events",
          "account", "123456789012",
          "time", "2026-12-02T10:00:00Z",
          "region", "eu-central-1",
          "resources", List.of("arn:aws:events:eu-central-1:123456789012:rule/every-minute"),
          "detail", Map.of());

  /** One run of the scheduled function (its own container: not serialised with the webhook). */
  String scheduledRun() {
    return new PromptSweepHandler(graph).handleRequest(SCHEDULED_EVENT, new TestContext());
  }

  private java.util.Set<Long> emittedUpdateIds() {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (Map<String, Object> u : sim.updates()) {
      ids.add(((Number) u.get("update_id")).longValue());
    }
    return ids;
  }

  record Guarded(SimUser owner, SimChat group, SimChat channel) {}

  /** A supergroup and its channel, the bot admin in both, protected by the owner's /protect. */
  Guarded protectedGroup(String name) {
    return protectedGroup(name, "", "Protection Activated");
  }

  /** Likewise, by an owner whose Telegram speaks the language (empty: none), as will the group. */
  Guarded protectedGroup(String name, String language, String activated) {
    SimUser owner = sim.newUser("Owner " + name);
    if (!language.isEmpty()) {
      owner.speaks(language);
    }
    owner.startsBot();
    SimChat channel =
        sim.newChannel(name + " News", owner).withUsername(name.toLowerCase() + "_news");
    channel.withBotAsAdmin(AdminRights.guard());
    SimChat group = sim.newSupergroup(name + " Group", owner).withBotAsAdmin(AdminRights.guard());
    settle();
    owner.says(group, "/protect @" + name.toLowerCase() + "_news");
    settle();
    assertThat(group.transcript())
        .as(
            "emitted %s, acknowledged %s, pending %d, deliveries %d",
            emittedUpdateIds(),
            front.acknowledged(),
            sim.pendingUpdateCount(),
            front.deliveries().size())
        .contains(activated);
    return new Guarded(owner, group, channel);
  }

  SimMessage promptFor(SimChat group) {
    return group.botMessages().stream()
        .filter(m -> m.button(VERIFY).isPresent())
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no prompt in\n" + group.transcript()));
  }

  @Test
  void theCommandMenusAreRegisteredPerScopeAndLanguage() {
    List<String> lines = graph.commandMenus().registerCommandMenus();

    assertThat(lines).hasSize(20).allMatch(line -> line.startsWith("set the "));
    assertThat(sim.commandMenu("all_chat_administrators", "ar"))
        .extracting(c -> c.command())
        .containsExactly(
            "protect",
            "unprotect",
            "status",
            "settings",
            "reactivate",
            "stats",
            "audit",
            "trust",
            "untrust",
            "offpeak",
            "help");
    assertThat(sim.commandMenu("all_private_chats", "")).hasSize(5);
  }

  /** A newcomer not subscribed to the channel joins, is muted, subscribes and presses verify. */
  SimUser joinsMutedThenVerifies(Guarded g, String name) {
    SimUser user = sim.newUser(name);
    user.joins(g.group());
    settle();
    assertThat(g.group().isMuted(user)).as(g.group().transcript()).isTrue();
    SimMessage prompt = promptFor(g.group());

    g.channel().withMembers(user); // subscribes without an update: only the button can tell
    String press = user.presses(prompt, VERIFY);
    settle();
    assertThat(g.group().isMuted(user)).as(g.group().transcript()).isFalse();
    assertThat(sim.callbackAnswer(press)).isPresent();
    return user;
  }

  List<SimPhoto> photosIn(SimChat chat) {
    return sim.photos().stream().filter(p -> p.chatId() == chat.id()).toList();
  }

  /** Today's line of the /stats caption after one newcomer was muted and verified by button. */
  static String oneVerifiedToday() {
    return "📊 Today ("
        + LocalDate.now(ZoneOffset.UTC)
        + "): joined 1, restricted 1, verified 1 (1 by button, 0 automatically)";
  }

  @Test
  void anAdminsStatsIsAPngChartWithTodaysFiguresAndANonAdminsIsRefused() throws IOException {
    Guarded g = protectedGroup("Hotel");
    joinsMutedThenVerifies(g, "Hanna");

    g.owner().says(g.group(), "/stats");
    settle();

    assertThat(photosIn(g.group())).as(g.group().transcript()).hasSize(1);
    SimPhoto photo = photosIn(g.group()).get(0);
    assertThat(photo.caption()).startsWith(oneVerifiedToday());
    assertThat(photo.file().contentType()).isEqualTo("image/png");
    assertThat(sim.calls().inChat("sendPhoto", g.group().id()))
        .singleElement()
        .as("uploaded as a multipart file part, not in the webhook response")
        .satisfies(call -> assertThat(call.params().get("photo")).isInstanceOf(UploadedFile.class));
    BufferedImage image = photo.image();
    assertThat(image.getWidth()).isPositive();
    assertThat(image.getHeight()).isPositive();

    SimUser henry = sim.newUser("Henry");
    g.group().withMembers(henry);
    g.channel().withMembers(henry);
    henry.says(g.group(), "/stats");
    settle();
    assertThat(g.group().lastBotMessage().orElseThrow().text()).contains("Only admins");
    assertThat(photosIn(g.group())).hasSize(1);
  }

  @Test
  void aGroupThatRefusesPhotosGetsTheStatsAsText() {
    Guarded g = protectedGroup("India");
    joinsMutedThenVerifies(g, "Ines");
    sim.denyPhotos(g.group().id());

    g.owner().says(g.group(), "/stats");
    settle();

    assertThat(photosIn(g.group())).isEmpty();
    assertThat(g.group().lastBotMessage().orElseThrow().text())
        .startsWith(oneVerifiedToday())
        .contains("The last 14 days");
  }

  @Test
  void joinIsMutedVerifyFreesChannelLeaveMutesAgain() {
    Guarded g = protectedGroup("Alpha");

    SimUser alice = joinsMutedThenVerifies(g, "Alice");

    alice.unsubscribes(g.channel());
    settle();
    assertThat(g.group().isMuted(alice)).as(g.group().transcript()).isTrue();
  }

  @Test
  void pressingBeforeSubscribingIsAnsweredInTheWebhookResponse() {
    Guarded g = protectedGroup("Bravo");
    SimUser bob = sim.newUser("Bob");
    bob.joins(g.group());
    settle();
    int repliesBefore = front.replies().size();

    String press = bob.presses(promptFor(g.group()), VERIFY);
    settle();

    assertThat(g.group().isMuted(bob)).isTrue();
    assertThat(sim.callbackAnswer(press))
        .hasValueSatisfying(t -> assertThat(t).contains("Not yet"));
    assertThat(front.replies().subList(repliesBefore, front.replies().size()))
        .containsExactly("answerCallbackQuery");
    assertThat(sim.calls().of("answerCallbackQuery")).isNotEmpty();
  }

  @Test
  void botDemotionPausesTheGroupAndTellsTheOwner() {
    Guarded g = protectedGroup("Charlie");

    g.group().demoteBot();
    settle();

    // The owner sent /start before /protect, so the domain tells them in private.
    assertThat(sim.chat(g.owner().id()).transcript())
        .contains("⚠️ WARNING: I can't protect “Charlie Group” any more");
    SimUser dave = sim.newUser("Dave");
    dave.joins(g.group());
    settle();
    assertThat(g.group().isMuted(dave)).as("paused: nobody is muted").isFalse();
  }

  @Test
  void aDuplicateDeliveryHasOneEffect() {
    Guarded g = protectedGroup("Delta");
    SimUser carol = sim.newUser("Carol");
    carol.joins(g.group());
    settle();
    FunctionUrlEmulator.Delivery join =
        front.deliveries().stream()
            .filter(
                d -> d.update().contains("\"chat_member\"") && d.update().contains("" + carol.id()))
            .findFirst()
            .orElseThrow();

    for (Kind kind : Kind.values()) {
      Answer again = front.invoke(kind, withSecret(LambdaEvents.withBody(kind, join.update())));
      assertThat(again.status()).isEqualTo(200);
    }

    assertThat(sim.calls().of("restrictChatMember", carol.id())).hasSize(1);
    assertThat(g.group().isMuted(carol)).isTrue();
  }

  @Test
  void theSettingsMenuIsPressedEditedInPlaceAndAPreviewedTextSaved() {
    Guarded g = protectedGroup("Menu");
    g.owner().says(g.group(), "/settings");
    settle();
    String link =
        g.group().lastBotMessage().orElseThrow().keyboard().get(0).get(0).url().orElseThrow();
    g.owner().opens(link);
    settle();
    SimChat own = g.owner().privateChat();
    SimMessage menu = own.lastBotMessage().orElseThrow();
    assertThat(menu.text()).startsWith("⚙️ Menu Group");

    String lifetime = g.owner().presses(menu, "⏱ Prompt lifetime: 10 minutes");
    settle();
    String thirty = g.owner().presses(own.lastBotMessage().orElseThrow(), "30 minutes");
    settle();
    g.owner().presses(own.lastBotMessage().orElseThrow(), "🔘 Join button");
    settle();
    g.owner().tellsBot("📢 Subscribe here");
    settle();
    String save = g.owner().presses(own.lastBotMessage().orElseThrow(), "✅ Save");
    settle();

    assertThat(sim.callbackAnswer(lifetime)).contains("");
    assertThat(sim.callbackAnswer(thirty)).contains("✅ Saved");
    assertThat(sim.callbackAnswer(save)).contains("✅ Saved");
    List<SimMessage> mine = own.botMessages();
    assertThat(mine)
        .filteredOn(m -> m.messageId() == menu.messageId())
        .singleElement()
        .satisfies(m -> assertThat(m.edited()).as("the menu, edited in place").isTrue());
    assertThat(mine.get(mine.size() - 2).button("📢 Subscribe here")).as("the preview").isPresent();
    assertThat(own.lastBotMessage().orElseThrow().text())
        .startsWith("✅ Saved.\n\n⚙️ Menu Group")
        .contains("• Prompt lifetime: 30 minutes")
        .contains("• Join button: 📢 Subscribe here");
  }

  /** The group's /settings button opened in private: the menu. */
  SimMessage openMenu(Guarded g) {
    g.owner().says(g.group(), "/settings");
    settle();
    String link =
        g.group().lastBotMessage().orElseThrow().keyboard().get(0).get(0).url().orElseThrow();
    g.owner().opens(link);
    settle();
    return g.owner().privateChat().lastBotMessage().orElseThrow();
  }

  SimMessage promptNaming(SimChat group, SimUser user) {
    return group.botMessages().stream()
        .filter(m -> m.text().contains(user.firstName()))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no prompt naming " + user.firstName()));
  }

  @Test
  void aForumPromptsInTheMessagesTopicAndJoinsInTheTopicChosenInTheMenu() {
    Guarded g = protectedGroup("Forum");
    g.group().asForum();
    long questions = g.group().createTopic("Questions");
    long welcome = g.group().createTopic("Welcome");
    settle();
    SimUser bob = sim.newUser("Bobby");
    g.group().withMembers(bob);

    bob.saysInTopic(g.group(), questions, "hello from the questions topic");
    settle();
    assertThat(g.group().topicOf(promptNaming(g.group(), bob))).contains(questions);

    SimMessage menu = openMenu(g);
    g.owner().presses(menu, "🧵 Topic: General");
    settle();
    g.owner().tellsBot(Long.toString(welcome));
    settle();
    assertThat(g.owner().privateChat().lastBotMessage().orElseThrow().text())
        .startsWith("✅ Saved.")
        .contains("• Topic for join prompts: topic " + welcome);

    SimUser alice = sim.newUser("Alicia");
    alice.joins(g.group());
    settle();
    assertThat(g.group().topicOf(promptNaming(g.group(), alice))).contains(welcome);
    assertThat(g.group().isMuted(alice)).isTrue();
  }

  @Test
  void aRussianAndAnArabicGroupHearTheirLanguageInPromptsRepliesAndTheMenu() {
    Guarded ru = protectedGroup("Ruski", "ru", "🛡️ Защита включена!");
    SimUser ivan = sim.newUser("Ivan");
    ivan.joins(ru.group());
    settle();
    assertThat(promptNaming(ru.group(), ivan).button("✅ Я подписался — проверить")).isPresent();
    assertThat(openMenu(ru).text())
        .contains("• Время жизни напоминания: 10 минут")
        .contains("• Язык: Русский");

    Guarded ar = protectedGroup("Arabi", "ar", "🛡️ تم تفعيل الحماية!");
    String channel = "\u2068@arabi_news\u2069";
    SimUser omar = sim.newUser("Omar");
    omar.joins(ar.group());
    settle();
    assertThat(promptNaming(ar.group(), omar).text()).contains("اشترك أولًا في " + channel);
    SimMessage menu = openMenu(ar);
    assertThat(menu.text())
        .startsWith("⚙️ \u2068Arabi Group\u2069")
        .contains("• القنوات: " + channel)
        .contains("• مدة بقاء التنبيه: \u206810\u2069 دقائق");
    String press = ar.owner().presses(menu, "📢 القنوات (\u20681\u2069)");
    settle();
    assertThat(sim.callbackAnswer(press)).isPresent();
    assertThat(ar.owner().privateChat().lastBotMessage().orElseThrow().text())
        .startsWith("📢 قنوات \u2068Arabi Group\u2069");
  }

  @Test
  void aWrongOrMissingSecretIs401AndChangesNothing() {
    Guarded g = protectedGroup("Echo");
    SimUser eve = sim.newUser("Eve");
    eve.joins(g.group());
    settle();
    String update = front.deliveries().get(front.deliveries().size() - 1).update();
    int calls = sim.calls().all().size();

    for (Kind kind : Kind.values()) {
      String event = LambdaEvents.withBody(kind, update);
      assertThat(front.invoke(kind, LambdaEvents.withSecret(event, "not-" + secret)).status())
          .isEqualTo(401);
      assertThat(front.invoke(kind, LambdaEvents.withSecret(event, null)).status()).isEqualTo(401);
    }

    assertThat(sim.calls().all()).hasSize(calls);
  }

  @Test
  void aFailedRestrictionIsDeferredAnsweredAtOnceAndDrainedOnce() {
    Guarded g = protectedGroup("Kilo");
    SimUser kim = sim.newUser("Kim");
    sim.faults().failNext("restrictChatMember", 1, 502);

    kim.joins(g.group());
    awaitAcknowledged();

    assertThat(front.deliveries())
        .filteredOn(d -> d.update().contains("" + kim.id()))
        .extracting(d -> d.answer().status())
        .as("the retry is recorded in the outbox, so the update is acknowledged")
        .containsOnly(200);
    assertThat(outboxPending()).as("the restriction and its prompt wait in the outbox").isOne();
    assertThat(g.group().isMuted(kim)).isFalse();

    scheduledRun();

    assertThat(outboxPending()).isZero();
    assertThat(g.group().isMuted(kim)).as(g.group().transcript()).isTrue();
    assertThat(sim.calls().of("restrictChatMember", kim.id()).stream().filter(c -> !c.isError()))
        .hasSize(1);
    assertThat(promptNaming(g.group(), kim).button(VERIFY)).isPresent();
    settle();
    assertThat(g.group().botMessages()).filteredOn(m -> m.text().contains("Kim")).hasSize(1);
  }

  /** The bot's texts in a private chat, oldest first. */
  static List<String> botTexts(SimChat chat) {
    return chat.botMessages().stream().map(SimMessage::text).toList();
  }

  /** Successful and failed calls of a method in one chat. */
  long calls(String method, SimChat chat, boolean failed) {
    return sim.calls().inChat(method, chat.id()).stream()
        .filter(c -> c.isError() == failed)
        .count();
  }

  @Test
  void aPrivateChatFloodIsAnsweredAtOnceAndDeliveredLaterInOrderOnce() {
    SimUser flo = sim.newUser("Flo");
    flo.startsBot();
    settle();
    SimChat chat = flo.privateChat();
    flo.tellsBot("/help");
    settle();
    String start = botTexts(chat).getFirst();
    String help = botTexts(chat).getLast();
    assertThat(help).isNotEqualTo(start);
    int before = botTexts(chat).size();
    int deliveriesBefore = front.deliveries().size();

    int n = 15;
    List<String> expected = new java.util.ArrayList<>();
    long began = System.nanoTime();
    for (int i = 0; i < n; i++) {
      boolean isHelp = i % 3 == 2;
      flo.tellsBot(isHelp ? "/help" : "/start");
      expected.add(isHelp ? help : start);
    }
    awaitAcknowledged();
    long answeredMillis = (System.nanoTime() - began) / 1_000_000;
    List<Duration> took =
        front.deliveries().subList(deliveriesBefore, front.deliveries().size()).stream()
            .map(FunctionUrlEmulator.Delivery::took)
            .sorted()
            .toList();
    int repliedAtOnce = botTexts(chat).size() - before;
    long pendingAfterFlood = outboxPending();

    settle();
    long deliveredMillis = (System.nanoTime() - began) / 1_000_000;
    System.out.printf(
        "FIGURES %s private-chat flood: %d updates answered in %d ms (invocation median %d ms,"
            + " max %d ms, sum %d ms); %d replied before the answers were all in, %d deferred"
            + " effects pending then; all %d replies delivered after %d ms%n",
        getClass().getSimpleName(),
        n,
        answeredMillis,
        took.get(took.size() / 2).toMillis(),
        took.getLast().toMillis(),
        took.stream().mapToLong(Duration::toMillis).sum(),
        repliedAtOnce,
        pendingAfterFlood,
        n,
        deliveredMillis);

    assertThat(took).hasSize(n);
    assertThat(front.deliveries().subList(deliveriesBefore, front.deliveries().size()))
        .extracting(d -> d.answer().status())
        .containsOnly(200);
    // Inline, each of the n replies waits for the private chat's meter (1/s): the invocations
    // would add up to about n - 1 seconds. Deferred, none of them waits.
    assertThat(took.stream().mapToLong(Duration::toMillis).sum())
        .as("the invocations did not wait for the meter")
        .isLessThan((n - 1) * 1000L / 2);
    assertThat(took.getLast()).isLessThan(Duration.ofSeconds(2));
    assertThat(pendingAfterFlood).as("the replies that must wait are recorded").isPositive();
    assertThat(botTexts(chat).subList(before, botTexts(chat).size()))
        .as("every reply, in order, once")
        .containsExactlyElementsOf(expected);
    assertThat(calls("sendMessage", chat, true)).as("no call beyond Telegram's limits").isZero();
    assertThat(calls("sendMessage", chat, false)).isEqualTo(before + n);
  }

  @Test
  void aMessageCallsTooManyRequestsIsDeferredAndTheScheduledRunDeliversItAfterThePause() {
    Guarded g = protectedGroup("Lima");
    int before = g.group().botMessages().size();
    int deliveriesBefore = front.deliveries().size();
    // Longer than the group's meter can hold the reply (20/min): its first try meets the storm,
    // whether the invocation or the drain makes it.
    java.time.Instant stormEnds = java.time.Instant.now().plusSeconds(5);
    sim.faults().floodUntil("sendMessage", stormEnds, 2);
    try {
      g.owner().says(g.group(), "/status");
      awaitAcknowledged();

      assertThat(front.deliveries().subList(deliveriesBefore, front.deliveries().size()))
          .extracting(d -> d.answer().status())
          .containsExactly(200);
      assertThat(g.group().botMessages()).hasSize(before);
      assertThat(outboxPending()).as("the reply waits in the outbox").isOne();

      String run = scheduledRun();

      assertThat(run).startsWith("1 deferred effects");
      assertThat(outboxPending()).isZero();
      assertThat(g.group().botMessages()).as(g.group().transcript()).hasSize(before + 1);
      assertThat(calls("sendMessage", g.group(), true)).as("the 429s").isPositive();
      assertThat(sim.calls().inChat("sendMessage", g.group().id()))
          .filteredOn(c -> !c.isError())
          .last()
          .satisfies(c -> assertThat(c.time()).as("after the storm").isAfterOrEqualTo(stormEnds));
      sim.calls().assertRetryAfterHonoured();
      assertThat(String.join("\n", stdout))
          .as("the scheduled run writes the outbox's metrics")
          .contains("\"event\":\"recorded\"")
          .contains("\"event\":\"drained\"")
          .contains("\"bot_outbox_pending\":0");
      settle();
      assertThat(g.group().botMessages()).hasSize(before + 1);
    } finally {
      sim.faults().clear();
    }
  }

  @Test
  void aRedeliveredUpdateWhoseReplyWaitsInTheOutboxActsOnce() {
    SimUser rita = sim.newUser("Rita");
    rita.startsBot();
    settle();
    SimChat chat = rita.privateChat();
    int before = botTexts(chat).size();
    rita.tellsBot("/help");
    rita.tellsBot("/help");
    awaitAcknowledged();
    long pending = outboxPending();
    assertThat(pending).as("the second reply at least waits for the meter").isPositive();
    FunctionUrlEmulator.Delivery last = front.deliveries().getLast();
    assertThat(last.update()).contains("/help");

    for (Kind kind : Kind.values()) {
      assertThat(
              front.invoke(kind, withSecret(LambdaEvents.withBody(kind, last.update()))).status())
          .isEqualTo(200);
    }
    assertThat(outboxPending()).as("nothing recorded again").isEqualTo(pending);
    settle();
    for (Kind kind : Kind.values()) {
      assertThat(
              front.invoke(kind, withSecret(LambdaEvents.withBody(kind, last.update()))).status())
          .isEqualTo(200);
    }
    scheduledRun();

    assertThat(outboxPending()).isZero();
    assertThat(botTexts(chat)).hasSize(before + 2);
    assertThat(calls("sendMessage", chat, false)).isEqualTo(before + 2);
  }

  @Test
  void writesEmfMetricLinesPerInvocation() {
    protectedGroup("Golf");

    assertThat(stdout)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("\"CloudWatchMetrics\"")
                    .contains("bot_webhook_requests_total"));
    assertThat(String.join("\n", stdout)).doesNotContain(sim.token()).doesNotContain(secret);
  }

  private String withSecret(String eventJson) {
    return LambdaEvents.withSecret(eventJson, secret);
  }

  // ---- issue 16: actions per group, failure policy, trust list ---------------------------------

  /** A scheduled invocation (sweeps prompts and deadlines, drains), then everything settled. */
  private String scheduledRunSettled() {
    String outcome = scheduledRun();
    settle();
    return outcome;
  }

  /** Runs one statement on the rows of the group (its id the only parameter); the rows changed. */
  private int groupRows(String sql, SimChat group) {
    try (java.sql.Connection c = graph.database().dataSource().getConnection();
        java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setLong(1, group.id());
      return statement.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The group's stored deadlines brought forward to now, as if their time had passed. */
  private void deadlinesAreDue(SimChat group) {
    assertThat(
            groupRows(
                "UPDATE member_deadlines SET due_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE group_id = ?",
                group))
        .as("deadlines of the group")
        .isPositive();
  }

  private void set(Guarded g, String key, String value) {
    g.owner().says(g.group(), "/settings " + key + " " + value);
    settle();
    assertThat(g.group().transcript()).contains("Saved");
  }

  @Test
  void muteThenRemoveRemovesTheUnverifiedFromTheScheduledRunButNotWhoSubscribedMeanwhile() {
    Guarded g = protectedGroup("Romeo");
    set(g, "action", "mute-then-remove");
    SimUser alice = sim.newUser("Alice");
    SimUser bob = sim.newUser("Bob");
    alice.joins(g.group());
    bob.joins(g.group());
    settle();
    assertThat(g.group().isMuted(alice)).isTrue();
    assertThat(g.group().isMuted(bob)).isTrue();
    g.channel().withMembers(bob); // subscribed quietly: only the re-check sees it

    deadlinesAreDue(g.group());
    scheduledRunSettled();

    assertThat(sim.calls().of("banChatMember", alice.id())).hasSize(1);
    assertThat(sim.calls().of("unbanChatMember", alice.id())).hasSize(1);
    assertThat(g.group().statusOf(alice)).isEqualTo("left");
    assertThat(sim.calls().of("banChatMember", bob.id())).isEmpty();
    assertThat(g.group().isMuted(bob)).isFalse();
    assertThat(g.group().isMember(bob)).isTrue();
  }

  @Test
  void theDeleteActionDeletesTheMessageAndNeverRestricts() {
    Guarded g = protectedGroup("Sierra");
    set(g, "action", "delete");
    SimUser carol = sim.newUser("Carol");
    carol.joins(g.group());
    SimMessage hi = carol.says(g.group(), "hi");
    settle();

    assertThat(sim.calls().of("restrictChatMember", carol.id())).isEmpty();
    assertThat(g.group().messages())
        .filteredOn(m -> m.messageId() == hi.messageId())
        .singleElement()
        .extracting(SimMessage::deleted)
        .isEqualTo(true);
  }

  @Test
  void underHoldAJoinerIsHeldDuringAnOutageFreedAfterItAndNeverBeyondTheLimit() {
    Guarded g = protectedGroup("Tango");
    set(g, "on_check_failure", "hold");
    SimUser dave = sim.newUser("Dave");
    SimUser erin = sim.newUser("Erin");
    sim.faults().outage("getChatMember", g.channel().id(), 502);
    try {
      dave.joins(g.group());
      erin.joins(g.group());
      settle();
      assertThat(g.group().isMuted(dave)).isTrue();
      assertThat(g.group().transcript()).contains("one moment");
      g.owner().says(g.group(), "/status");
      settle();
      assertThat(g.group().transcript()).contains("failing");

      scheduledRunSettled(); // still failing, limit not reached: still held
      assertThat(g.group().isMuted(dave)).isTrue();
    } finally {
      sim.faults().clear();
    }
    g.channel().withMembers(dave);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              scheduledRunSettled(); // a held joiner is re-checked once per lease (5 s)
              assertThat(g.group().isMuted(dave)).isFalse();
            });
    // Erin, checked now and not subscribed, stays muted under the group's action (mute).
    assertThat(g.group().isMuted(erin)).isTrue();

    SimUser frank = sim.newUser("Frank");
    sim.faults().outage("getChatMember", g.channel().id(), 502);
    try {
      frank.joins(g.group());
      settle();
      assertThat(g.group().isMuted(frank)).isTrue();
      deadlinesAreDue(g.group()); // the limit has passed, still failing
      assertThat(scheduledRunSettled()).isNotBlank();
      assertThat(g.group().isMuted(frank)).as("released unchecked at the limit").isFalse();
    } finally {
      sim.faults().clear();
    }
  }

  @Test
  void trustAndUntrustByReplyAndById() {
    Guarded g = protectedGroup("Uniform");
    SimUser gina = sim.newUser("Gina");
    gina.subscribes(g.channel());
    gina.joins(g.group());
    SimMessage hello = gina.says(g.group(), "hello");
    settle();

    g.owner().replies(hello, "/trust");
    settle();
    gina.unsubscribes(g.channel());
    settle();
    assertThat(g.group().isMuted(gina)).as("trusted").isFalse();

    g.owner().says(g.group(), "/untrust " + gina.id());
    settle();
    gina.says(g.group(), "checked again");
    settle();
    assertThat(g.group().isMuted(gina)).as("no longer trusted").isTrue();
  }

  // ---- the join-request gate (ADR 0023) --------------------------------------------------------

  /** The group's held join requests brought to their expiry, as if the timeout had passed. */
  private void joinRequestsExpired(SimChat group) {
    assertThat(
            groupRows(
                "UPDATE pending_join_requests SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE group_id = ?",
                group))
        .as("held join requests of the group")
        .isPositive();
  }

  @Test
  void aJoinRequestIsApprovedWhenTheRequesterSubscribesLater() {
    Guarded g = protectedGroup("Whiskey");
    SimUser alice = sim.newUser("Alice"); // never started the bot: written to via user_chat_id
    alice.requestsToJoin(g.group());
    settle();
    assertThat(g.group().pendingJoinRequests()).containsExactly(alice.id());
    assertThat(botTexts(sim.chat(alice.id()))).last().asString().contains("@whiskey_news");

    alice.subscribes(g.channel());
    settle();

    assertThat(g.group().isMember(alice)).isTrue();
    assertThat(g.group().pendingJoinRequests()).isEmpty();
    assertThat(sim.calls().of("approveChatJoinRequest", alice.id())).hasSize(1);
    scheduledRunSettled(); // nothing left to decline
    assertThat(sim.calls().of("declineChatJoinRequest", alice.id())).isEmpty();
  }

  @Test
  void anExpiredJoinRequestIsDeclinedByTheScheduledRunOnceAndTheRequesterToldWhy() {
    Guarded g = protectedGroup("Xray");
    SimUser alice = sim.newUser("Alice");
    alice.startsBot(); // may be written to long after her request
    settle();
    alice.requestsToJoin(g.group());
    settle();
    assertThat(g.group().pendingJoinRequests()).containsExactly(alice.id());

    joinRequestsExpired(g.group());
    scheduledRunSettled();
    scheduledRunSettled(); // a second run (another container) finds nothing to decline

    assertThat(sim.calls().of("declineChatJoinRequest", alice.id())).hasSize(1);
    assertThat(g.group().pendingJoinRequests()).isEmpty();
    assertThat(g.group().isMember(alice)).isFalse();
    assertThat(botTexts(sim.chat(alice.id())))
        .last()
        .asString()
        .contains("declined")
        .contains("@xray_news");
  }

  // ---- issue 16, items 4-6: background sweeps over members -------------------------------------

  private java.util.Optional<dev.gmbot.port.model.MemberSweep> reconciliation(
      LambdaComponent container, SimChat group) {
    return container
        .database()
        .sweeps()
        .find(
            dev.gmbot.port.model.GroupId.of(group.id()),
            dev.gmbot.port.model.MemberSweep.Kind.RECONCILE);
  }

  /** Muted joiners, the updates acknowledged (no scheduled run in between). */
  private List<SimUser> mutedJoiners(Guarded g, String name, int count) {
    List<SimUser> users = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      SimUser u = sim.newUser(name + i);
      u.joins(g.group());
      users.add(u);
    }
    awaitAcknowledged();
    for (SimUser u : users) {
      assertThat(g.group().isMuted(u)).as("%s muted", u.firstName()).isTrue();
    }
    return users;
  }

  @Test
  void aMissedChannelJoinIsRepairedByTheReconciliationSweepOfTheScheduledRun() {
    Guarded g = protectedGroup("Victor");
    scheduledRunSettled(); // other groups' sweeps that are due run now, not in the run below
    SimUser hank = mutedJoiners(g, "Hank", 1).getFirst();
    SimUser ivy = mutedJoiners(g, "Ivy", 1).getFirst();
    assertThat(promptFor(g.group()).text()).contains("Hank");
    g.channel().withMembers(hank); // subscribed: no chat_member update reaches the bot

    String outcome = scheduledRunSettled();

    assertThat(outcome).contains("member sweep lines");
    assertThat(g.group().isMuted(hank)).as("freed by the reconciliation").isFalse();
    assertThat(g.group().isMuted(ivy)).as("not subscribed").isTrue();
    // The standing prompt no longer names Hank (its text follows at the next allowed edit).
    assertThat(
            graph
                .database()
                .prompts()
                .naming(
                    dev.gmbot.port.model.GroupId.of(g.group().id()),
                    dev.gmbot.port.model.UserId.of(hank.id())))
        .isEmpty();
    assertThat(
            graph
                .database()
                .prompts()
                .naming(
                    dev.gmbot.port.model.GroupId.of(g.group().id()),
                    dev.gmbot.port.model.UserId.of(ivy.id())))
        .isNotEmpty();
    dev.gmbot.port.model.MemberSweep done = reconciliation(graph, g.group()).orElseThrow();
    assertThat(done.finishedAt()).isPresent();
    assertThat(done.checked()).isEqualTo(2);
    assertThat(done.freed()).isEqualTo(1);
    assertThat(stdout).anyMatch(l -> l.contains("reconcile sweep of") && l.contains("finished"));
  }

  @Test
  void aSweepInterruptedByTheEndOfItsRunIsResumedByAnotherContainerFromTheStoredPosition() {
    Guarded g = protectedGroup("Yankee");
    scheduledRunSettled(); // other groups' due sweeps out of the way
    List<SimUser> users = mutedJoiners(g, "W", 12);
    Map<Long, Integer> checksBefore = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      SimUser u = users.get(i);
      checksBefore.put(u.id(), sim.calls().of("getChatMember", u.id()).size());
      if (i % 2 == 0) {
        g.channel().withMembers(u); // half of them subscribe unseen
      }
    }

    // A run with 17 s left sweeps for 2 s (15 s are kept for the drain): at 5 checks/s it stops
    // part way, its position stored.
    new PromptSweepHandler(graph).handleRequest(SCHEDULED_EVENT, new TestContext(17_000));
    dev.gmbot.port.model.MemberSweep paused = reconciliation(graph, g.group()).orElseThrow();
    assertThat(paused.running()).as("stopped part way").isTrue();
    assertThat(paused.checked()).isPositive().isLessThan(12);
    assertThat(paused.remaining()).isPositive();

    // Another container (a restart: a graph of its own on the same store) goes on from there.
    LambdaComponent restarted =
        LambdaRuntime.graph(LambdaConfig.fromEnvironment(functionEnv), Clock.systemUTC(), l -> {});
    try {
      new PromptSweepHandler(restarted).handleRequest(SCHEDULED_EVENT, new TestContext());
      dev.gmbot.port.model.MemberSweep done = reconciliation(restarted, g.group()).orElseThrow();
      assertThat(done.finishedAt()).isPresent();
      assertThat(done.startedAt()).as("the same run").isEqualTo(paused.startedAt());
      assertThat(done.checked()).isEqualTo(12);
      assertThat(done.freed()).isEqualTo(6);
    } finally {
      restarted.resources().close();
    }
    settle();
    for (int i = 0; i < users.size(); i++) {
      SimUser u = users.get(i);
      assertThat(sim.calls().of("getChatMember", u.id()))
          .as("%s checked once by the sweep", u.firstName())
          .hasSize(checksBefore.get(u.id()) + 1);
      assertThat(g.group().isMuted(u)).isEqualTo(i % 2 != 0);
    }
  }
}
