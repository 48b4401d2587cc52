package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloodModelIT {
  /** A clock tests move by hand. */
  static final class HandClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void burstOf40ToOneGroupGets429AfterTwenty() {
    HandClock clock = new HandClock();
    try (TelegramSimulator sim =
        TelegramSimulator.start(
            SimulatorConfig.defaults().withClock(clock).withFlood(FloodRules.telegram()))) {
      BotClient api = new BotClient(sim);
      SimChat group = sim.newSupergroup("G").withBotAsAdmin(AdminRights.guard());
      List<BotClient.Resp> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        answers.add(api.call("sendMessage", Map.of("chat_id", group.id(), "text", "m" + i)));
        clock.advance(Duration.ofMillis(100));
      }
      assertThat(answers.subList(0, 20)).allMatch(BotClient.Resp::ok);
      assertThat(answers.subList(20, 40)).noneMatch(BotClient.Resp::ok);
      BotClient.Resp first429 = answers.get(20);
      assertThat(first429.status()).isEqualTo(429);
      // 20 sent between t=0 and t=1.9 s; the window frees at t=60 s; now t=2.0 s → 58 s
      assertThat(first429.raw())
          .isEqualTo(
              "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 58\",\"parameters\":{\"retry_after\":58}}");
      assertThat(first429.headers().firstValue("Retry-After")).contains("58");
      assertThat(group.botMessages()).hasSize(20);
      // reads are not throttled
      assertThat(
              api.call("getChatMember", Map.of("chat_id", group.id(), "user_id", 7000000001L)).ok())
          .isTrue();

      clock.advance(Duration.ofSeconds(60));
      assertThat(api.call("sendMessage", Map.of("chat_id", group.id(), "text", "later")).ok())
          .isTrue();
    }
  }

  @Test
  void privateChatAndBotWideLimitsAndEarlyRetryPunishment() {
    HandClock clock = new HandClock();
    FloodRules rules = FloodRules.telegram().withPunishEarlyRetries(Duration.ofSeconds(10));
    try (TelegramSimulator sim =
        TelegramSimulator.start(SimulatorConfig.defaults().withClock(clock).withFlood(rules))) {
      BotClient api = new BotClient(sim);
      SimUser alice = sim.newUser("Alice").startsBot();
      for (int i = 0; i < 3; i++) {
        assertThat(api.call("sendMessage", Map.of("chat_id", alice.id(), "text", "b" + i)).ok())
            .isTrue();
      }
      BotClient.Resp limited = api.call("sendMessage", Map.of("chat_id", alice.id(), "text", "x"));
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.body()).containsEntry("parameters", Map.of("retry_after", 1L));
      BotClient.Resp early = api.call("sendMessage", Map.of("chat_id", alice.id(), "text", "x"));
      assertThat(early.description()).isEqualTo("Too Many Requests: retry after 11");
      clock.advance(Duration.ofSeconds(11));
      assertThat(api.call("sendMessage", Map.of("chat_id", alice.id(), "text", "x")).ok()).isTrue();

      // 30 messages per second for the whole bot, across many private chats
      clock.advance(Duration.ofSeconds(5));
      int ok = 0;
      for (int i = 0; i < 31; i++) {
        SimUser u = sim.newUser("U" + i).startsBot();
        if (api.call("sendMessage", Map.of("chat_id", u.id(), "text", "hi")).ok()) {
          ok++;
        }
      }
      assertThat(ok).isEqualTo(30);
    }
  }

  @Test
  void floodModelIsOffByDefaultAndCanBeSwitchedOnPerTest() {
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      BotClient api = new BotClient(sim);
      SimChat group = sim.newSupergroup("G").withBotAsAdmin(AdminRights.guard());
      for (int i = 0; i < 25; i++) {
        assertThat(api.call("sendMessage", Map.of("chat_id", group.id(), "text", "m" + i)).ok())
            .isTrue();
      }
      sim.flood(FloodRules.telegram().withGroupPerMinute(2));
      assertThat(api.call("sendMessage", Map.of("chat_id", group.id(), "text", "a")).ok()).isTrue();
      assertThat(api.call("sendMessage", Map.of("chat_id", group.id(), "text", "b")).ok()).isTrue();
      assertThat(api.call("sendMessage", Map.of("chat_id", group.id(), "text", "c")).status())
          .isEqualTo(429);
    }
  }
}
