package dev.gmbot.domain.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The t.me links from a group's /settings and /audit to the private chat. */
class DeepLinkTest {
  private static final BotProfile BOT = new BotProfile(UserId.of(7), "group_guard_bot");

  @Test
  void aLinkOpensThePrivateChatWithAPayloadTelegramAccepts() {
    DeepLink link = new DeepLink(DeepLink.Target.SETTINGS, GroupId.of(-1001234567890L));

    assertThat(link.url(BOT)).startsWith("https://t.me/group_guard_bot?start=s-");
    assertThat(link.payload()).matches("[A-Za-z0-9_-]{1,64}");
    assertThat(DeepLink.parse(link.payload())).contains(link);
  }

  @Test
  void theAuditLinkIsToldApart() {
    DeepLink audit = new DeepLink(DeepLink.Target.AUDIT, GroupId.of(Long.MIN_VALUE));

    assertThat(audit.payload()).startsWith("a-").matches("[A-Za-z0-9_-]{1,64}");
    assertThat(DeepLink.parse(audit.payload())).contains(audit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "s12", "x-ab", "hello", "s-!!", "a" + "1"})
  void otherStartParametersAreNoLink(String payload) {
    assertThat(DeepLink.parse(payload)).isEmpty();
  }
}
