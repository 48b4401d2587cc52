package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.testkit.net.LoopbackProxy;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator.WebhookAnswer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Redis outage at server level (the fault suite of docs/reliability.md): the real server in
 * webhook mode on PostgreSQL and Redis, Redis reached through a loopback proxy of our own that is
 * cut for the outage (the machine's Redis itself is never touched). The same traffic runs before,
 * during and after the outage: a cohort of members subscribed without the bot seeing it joins the
 * protected group (each join reads the membership from Telegram) and writes ten messages each, and
 * one non-subscriber joins. The figure is Telegram reads ({@code getChatMember} and {@code
 * getChatAdministrators}) per update: during the outage the membership and administrator caches
 * answer from their bounded in-process copy (ADR 0055), so the reads stay within twice the normal
 * ones (without the copy every message would be checked again: about ten times as many). Asserted
 * too: updates lost 0 (every update acknowledged, every non-subscriber muted, no subscriber muted).
 * Prints a {@code FAULT |} line per phase.
 */
class RedisOutageIT {
  private static final int COHORT = 10;
  private static final int MESSAGES = 10;

  private record Phase(
      String name,
      int updates,
      int memberReads,
      int adminReads,
      long serverErrors,
      long unacknowledged,
      long subscribersMuted,
      boolean nonSubscriberMuted) {
    double readsPerUpdate() {
      return (memberReads + adminReads) / (double) updates;
    }

    long lost() {
      return unacknowledged + subscribersMuted + (nonSubscriberMuted ? 0 : 1);
    }
  }

  @Test
  void duringAnOutageTheCachesAnswerFromTheirCopyAndTelegramReadsStayWithinTwiceNormal()
      throws Exception {
    URI redis = URI.create(TestServices.requireRedis());
    try (LoopbackProxy proxy =
            new LoopbackProxy(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
        ServerUnderTest it =
            ServerUnderTest.start(
                ServerUnderTest.Mode.WEBHOOK,
                ServerUnderTest.Backend.POSTGRES_REDIS,
                Map.of("REDIS_URL", "redis://127.0.0.1:" + proxy.port()))) {
      SimUser owner = it.sim.newUser("Olivia", "olivia");
      owner.startsBot();
      SimChat channel = it.sim.newChannel("Outage News", owner).withUsername("outage_news");
      channel.withBotAsAdmin(AdminRights.guard());
      SimChat group = it.sim.newSupergroup("Outage Group", owner);
      group.withBotAsAdmin(AdminRights.guard());
      it.settle();
      owner.says(group, "/protect @outage_news");
      it.settle();

      Phase normal = phase(it, channel, group, "normal");
      proxy.cut();
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> it.get("/health").body().contains("\"status\":\"degraded\""));
      Phase outage = phase(it, channel, group, "outage");
      proxy.restore();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> it.get("/health").body().contains("\"status\":\"healthy\""));
      Phase after = phase(it, channel, group, "after");

      for (Phase p : List.of(normal, outage, after)) {
        System.out.printf(
            "FAULT | Redis outage, %s: %d updates | Telegram reads %d (getChatMember %d,"
                + " getChatAdministrators %d), %.3f per update | lost %d | 5xx %d%n",
            p.name(),
            p.updates(),
            p.memberReads() + p.adminReads(),
            p.memberReads(),
            p.adminReads(),
            p.readsPerUpdate(),
            p.lost(),
            p.serverErrors());
      }
      System.out.printf(
          "FAULT | Redis outage: reads per update during the outage %.2f x normal%n",
          outage.readsPerUpdate() / normal.readsPerUpdate());

      assertThat(normal.readsPerUpdate()).as("normal reads per update").isPositive();
      assertThat(outage.readsPerUpdate())
          .as("reads per update during the outage, at most twice normal")
          .isLessThanOrEqualTo(2 * normal.readsPerUpdate());
      for (Phase p : List.of(normal, outage, after)) {
        assertThat(p.lost()).as("updates lost, %s", p.name()).isZero();
      }
    }
  }

  /**
   * A new cohort of subscribed members joins and writes; a non-subscriber joins. Counts the reads
   * and checks every update was acknowledged.
   */
  private static Phase phase(ServerUnderTest it, SimChat channel, SimChat group, String name) {
    int memberReadsBefore = it.sim.calls().count("getChatMember");
    int adminReadsBefore = it.sim.calls().count("getChatAdministrators");
    int answersBefore = it.sim.webhookAnswers().size();
    int updatesBefore = it.sim.updates().size();
    List<SimUser> cohort = new ArrayList<>();
    for (int i = 0; i < COHORT; i++) {
      SimUser member = it.sim.newUser(name + "Member" + i, name + "_member" + i);
      // Subscribed quietly (no update the bot would learn it from): the join reads Telegram once.
      channel.withMembers(member);
      member.joins(group);
      cohort.add(member);
    }
    SimUser stranger = it.sim.newUser(name + "Stranger", name + "_stranger");
    stranger.joins(group);
    it.awaitUpdatesTaken();
    for (int m = 0; m < MESSAGES; m++) {
      for (SimUser member : cohort) {
        member.says(group, "message " + m + " of " + member.firstName());
      }
    }
    it.awaitUpdatesTaken();
    await().atMost(Duration.ofSeconds(20)).until(() -> group.isMuted(stranger));
    it.settle();

    List<WebhookAnswer> answers =
        new ArrayList<>(
            it.sim.webhookAnswers().subList(answersBefore, it.sim.webhookAnswers().size()));
    Set<Long> emitted =
        it.sim.updates().subList(updatesBefore, it.sim.updates().size()).stream()
            .map(u -> ((Number) u.get("update_id")).longValue())
            .collect(Collectors.toSet());
    Set<Long> acknowledged =
        answers.stream()
            .filter(a -> a.status() / 100 == 2)
            .map(WebhookAnswer::updateId)
            .collect(Collectors.toSet());
    return new Phase(
        name,
        emitted.size(),
        it.sim.calls().count("getChatMember") - memberReadsBefore,
        it.sim.calls().count("getChatAdministrators") - adminReadsBefore,
        answers.stream().filter(a -> a.status() >= 500).count(),
        emitted.stream().filter(id -> !acknowledged.contains(id)).count(),
        cohort.stream().filter(group::isMuted).count(),
        group.isMuted(stranger));
  }
}
