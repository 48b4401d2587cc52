package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.runtime.GmbotServer;
import dev.gmbot.app.server.wiring.ServerComponents;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.ApiCall;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import dev.gmbot.testkit.simulator.TelegramSimulator.WebhookAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two server instances in webhook mode on one PostgreSQL database and one Redis key prefix (a
 * deployment of two replicas), and the simulator delivering <em>every</em> update to both: the
 * webhook Telegram knows (the instance that registered last) and a mirror to the other, each with
 * its own queue, one update in flight per chat or user, and retries as Telegram's. A steady stream
 * of messages of subscribed members, joins of non-subscribers and, afterwards, subscriptions and
 * verify presses. Figures (printed on {@code FAULT |} lines and asserted): updates lost 0 (every
 * update acknowledged by both instances; every joiner muted, every verified joiner freed),
 * duplicate effects 0 (each joiner muted exactly once and freed at most once, one standing prompt
 * in the group), 5xx answers 0.
 */
class TwoInstancesWebhookIT {
  private static final int MEMBERS = 20;
  private static final int RATE_PER_SECOND = 100;
  private static final Duration STEADY = Duration.ofSeconds(8);
  private static final int JOIN_EVERY = 10; // one update in ten is a join

  @Test
  void everyUpdateDeliveredToBothInstancesHasItsEffectsOnce() throws Exception {
    String redis = TestServices.requireRedis();
    String database = TestServices.freshPostgresDatabase();
    String prefix = "gmbot-it-" + UUID.randomUUID() + ":";
    List<GmbotServer> servers = new ArrayList<>();
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      int portA = freePort();
      int portB = freePort();
      servers.add(start(sim, redis, prefix, database, "instance-a", portA));
      servers.add(start(sim, redis, prefix, database, "instance-b", portB));
      String registered = sim.webhookUrl();
      String other =
          Stream.of(portA, portB)
              .map(p -> "http://127.0.0.1:" + p + "/webhook")
              .filter(url -> !url.equals(registered))
              .findFirst()
              .orElseThrow();
      sim.mirrorWebhookTo(other, ServerUnderTest.SECRET);

      SimUser owner = sim.newUser("Olivia", "olivia");
      owner.startsBot();
      SimChat channel = sim.newChannel("News", owner).withUsername("both_news");
      channel.withBotAsAdmin(AdminRights.guard());
      SimChat group = sim.newSupergroup("Group", owner);
      group.withBotAsAdmin(AdminRights.guard());
      owner.says(group, "/protect @both_news");
      settle(sim, servers);
      assertThat(group.botMessages()).anyMatch(m -> m.text().contains("Protection Activated"));

      List<SimUser> members = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        SimUser m = sim.newUser("Member" + i, "member" + i);
        m.subscribes(channel);
        m.joins(group);
        members.add(m);
      }
      settle(sim, servers);
      int answersBefore = sim.webhookAnswers().size();
      int mirrorBefore = sim.mirrorAnswers().size();
      int updatesBefore = sim.updates().size();

      // The steady phase: RATE_PER_SECOND updates a second, one in JOIN_EVERY a join.
      List<SimUser> joiners = new ArrayList<>();
      long total = RATE_PER_SECOND * STEADY.toSeconds();
      long began = System.nanoTime();
      for (long n = 0; n < total; n++) {
        long due = began + n * 1_000_000_000L / RATE_PER_SECOND;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        if (n % JOIN_EVERY == 0) {
          SimUser joiner = sim.newUser("Joiner" + n, "joiner" + n);
          joiner.joins(group);
          joiners.add(joiner);
        } else {
          members.get((int) (n % MEMBERS)).says(group, "hello " + n);
        }
      }
      Duration sending = Duration.ofNanos(System.nanoTime() - began);
      settle(sim, servers);
      // The standing prompt names at most 10 joiners (the rest are counted) and is edited at most
      // every 15 s: every joiner muted and a prompt standing is what the phase must leave.
      // Not asserted here: the figures below say what was missing.
      waitUpTo(
          Duration.ofSeconds(60),
          () -> joiners.stream().allMatch(group::isMuted) && standingPrompt(group) != null);

      // Half the joiners subscribe and press the button on the group's standing prompt.
      SimMessage prompt = standingPrompt(group);
      assertThat(prompt).as("a standing prompt after the joins").isNotNull();
      String button = ServerWorlds.verifyButton(prompt).orElseThrow().text();
      List<SimUser> verifying = new ArrayList<>();
      for (int i = 0; i < joiners.size(); i += 2) {
        SimUser j = joiners.get(i);
        channel.withMembers(j);
        j.presses(prompt, button);
        verifying.add(j);
      }
      settle(sim, servers);
      waitUpTo(Duration.ofSeconds(30), () -> verifying.stream().noneMatch(group::isMuted));

      List<WebhookAnswer> primary = since(sim.webhookAnswers(), answersBefore);
      List<WebhookAnswer> mirror = since(sim.mirrorAnswers(), mirrorBefore);
      Set<Long> emitted =
          sim.updates().subList(updatesBefore, sim.updates().size()).stream()
              .map(u -> ((Number) u.get("update_id")).longValue())
              .collect(Collectors.toSet());
      long unacknowledged =
          emitted.stream().filter(id -> !acknowledged(primary, id)).count()
              + emitted.stream().filter(id -> !acknowledged(mirror, id)).count();
      Map<Long, Long> mutes = countPerUser(sim, true);
      Map<Long, Long> frees = countPerUser(sim, false);
      long notMuted = joiners.stream().filter(j -> !mutes.containsKey(j.id())).count();
      long notFreed = verifying.stream().filter(group::isMuted).count();
      long duplicateMutes =
          joiners.stream().mapToLong(j -> Math.max(0, mutes.getOrDefault(j.id(), 0L) - 1)).sum();
      long duplicateFrees =
          verifying.stream().mapToLong(j -> Math.max(0, frees.getOrDefault(j.id(), 0L) - 1)).sum();
      long mutedMembers = members.stream().filter(m -> mutes.containsKey(m.id())).count();
      long standingPrompts =
          group.botMessages().stream()
              .filter(m -> !m.deleted() && ServerWorlds.verifyButton(m).isPresent())
              .count();
      long promptPosts =
          sim.calls().inChat("sendMessage", group.id()).stream()
              .filter(ApiCall::ok)
              .filter(c -> c.response().contains("callback_data"))
              .count();
      List<WebhookAnswer> all = new ArrayList<>(primary);
      all.addAll(mirror);
      long serverErrors = all.stream().filter(a -> a.status() >= 500 || a.status() == 0).count();
      long slow = all.stream().filter(a -> a.took().toMillis() > 100).count();
      long lost = unacknowledged + notMuted + notFreed;
      long duplicates = duplicateFrees + mutedMembers + Math.max(0, promptPosts - 1);
      long mostMutesOfOneJoiner =
          joiners.stream().mapToLong(j -> mutes.getOrDefault(j.id(), 0L)).max().orElse(0);

      System.out.printf(
          "FAULT | two instances, every update delivered to both: %d updates in %d ms (%d/s),"
              + " %d joiners, %d verified | updates lost %d (unacknowledged %d, joiners not muted"
              + " %d, verified still muted %d) | duplicate effects %d (extra frees %d, members"
              + " muted %d, extra prompt posts) | standing prompts %d (prompt posts %d)"
              + " | answers >100 ms %d of %d | 5xx %d | repeated mutes of one join (its two"
              + " signals decided at once on the two instances, ADR 0061) %d%n",
          emitted.size(),
          sending.toMillis(),
          total * 1000 / Math.max(1, sending.toMillis()),
          joiners.size(),
          verifying.size(),
          lost,
          unacknowledged,
          notMuted,
          notFreed,
          duplicates,
          duplicateFrees,
          mutedMembers,
          standingPrompts,
          promptPosts,
          slow,
          all.size(),
          serverErrors,
          duplicateMutes);
      System.out.println(
          "FAULT | two instances: statuses "
              + all.stream()
                  .collect(Collectors.groupingBy(WebhookAnswer::status, Collectors.counting())));

      assertThat(lost).as("updates lost").isZero();
      assertThat(duplicates).as("duplicate effects (frees, members muted, prompt posts)").isZero();
      // A join arrives twice (chat_member and new_chat_members) under two update ids; when the
      // two instances decide one signal each at the same moment, both may restrict (ADR 0061:
      // Telegram takes the repeated restriction as a no-op; the prompt is posted once).
      assertThat(mostMutesOfOneJoiner)
          .as("restrictions of one joiner, at most one per signal")
          .isLessThanOrEqualTo(2);
      assertThat(standingPrompts).as("standing prompts in the group").isEqualTo(1);
      assertThat(serverErrors).as("5xx answers").isZero();
    } finally {
      for (GmbotServer server : servers) {
        server.close();
      }
      TestServices.dropPostgresDatabase(database);
      TestServices.deleteRedisKeys(prefix);
    }
  }

  /** Polls until the condition holds or the time is up (then the figures tell). */
  private static void waitUpTo(Duration limit, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    try {
      org.awaitility.Awaitility.await()
          .atMost(limit)
          .pollInterval(Duration.ofMillis(200))
          .until(condition::getAsBoolean);
    } catch (org.awaitility.core.ConditionTimeoutException stillNot) {
      // the figures printed next say what was not reached
    }
  }

  /** The group's standing prompt: its last bot message with a verify button (null: none). */
  private static SimMessage standingPrompt(SimChat group) {
    return group.botMessages().stream()
        .filter(m -> !m.deleted() && ServerWorlds.verifyButton(m).isPresent())
        .reduce((a, b) -> b)
        .orElse(null);
  }

  private static List<WebhookAnswer> since(List<WebhookAnswer> answers, int from) {
    return new ArrayList<>(answers.subList(from, answers.size()));
  }

  private static boolean acknowledged(List<WebhookAnswer> answers, long updateId) {
    return answers.stream().anyMatch(a -> a.updateId() == updateId && a.status() / 100 == 2);
  }

  /** Successful restrictChatMember calls per user: mutes (no sending) or frees. */
  private static Map<Long, Long> countPerUser(TelegramSimulator sim, boolean mutes) {
    Map<Long, Long> counts = new HashMap<>();
    for (ApiCall call : sim.calls().of("restrictChatMember")) {
      if (!call.ok() || call.userId().isEmpty()) {
        continue;
      }
      boolean mute =
          call.params().get("permissions") instanceof Map<?, ?> p
              && Boolean.FALSE.equals(p.get("can_send_messages"));
      if (mute == mutes) {
        counts.merge(call.userId().orElseThrow(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Both instances have taken every update queued so far and drained their outbox. */
  private static void settle(TelegramSimulator sim, List<GmbotServer> servers) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> sim.pendingUpdateCount() == 0 && sim.mirrorPendingCount() == 0);
    for (GmbotServer server : servers) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> server.component().database().outbox().depth(Instant.now()).pending() == 0);
    }
  }

  private static GmbotServer start(
      TelegramSimulator sim,
      String redis,
      String prefix,
      String database,
      String instance,
      int port) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", sim.token());
    env.put("TELEGRAM_API_URL", sim.baseUrl());
    env.put("REDIS_URL", redis);
    env.put(RedisConfig.ENV_KEY_PREFIX, prefix);
    env.put("DATABASE_URL", database);
    env.put("DATABASE_USER", TestServices.PG_USER);
    env.put("PORT", Integer.toString(port));
    env.put("GMBOT_INSTANCE_ID", instance);
    env.put("GMBOT_SHUTDOWN_GRACE_SECONDS", "5");
    env.put("ENVIRONMENT", "production");
    env.put("WEBHOOK_URL", "http://127.0.0.1:" + port);
    env.put("WEBHOOK_SECRET", ServerUnderTest.SECRET);
    return GmbotServer.start(
        ServerComponents.create(ServerConfig.fromEnvironment(env), Clock.systemUTC()),
        new LongPoller.Settings(2, 100, Duration.ofMillis(50), Duration.ofMillis(500)));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
