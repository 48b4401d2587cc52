package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.TrustMember;
import dev.gmbot.domain.protection.Decision.UntrustMember;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.ChannelReference;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.MemberRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * /trust and /untrust, in a group, for its admins (issue 16, ADR 0018): the member named by the
 * message the command replies to, by {@code @username} (when Telegram resolves it to a user) or by
 * numeric id is exempted from the checks in this group, or no longer. Trusting a member GMBot has
 * muted lifts the mute.
 */
final class TrustCommand implements Command {
  private final AdminAccess access;
  private final TelegramReads telegram;
  private final MemberRepository members;
  private final Clock clock;
  private final boolean trust;

  TrustCommand(
      AdminAccess access,
      TelegramReads telegram,
      MemberRepository members,
      Clock clock,
      boolean trust) {
    this.access = Objects.requireNonNull(access, "access");
    this.telegram = Objects.requireNonNull(telegram, "telegram");
    this.members = Objects.requireNonNull(members, "members");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.trust = trust;
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    if (!request.chat().type().isGroup()) {
      return request.reply(request.texts().inGroupOnly());
    }
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> decide(request, granted.group());
    };
  }

  private List<Decision> decide(CommandRequest request, ProtectedGroup g) {
    CommandTexts texts = request.texts();
    String command = trust ? "/trust" : "/untrust";
    Optional<UserRef> target;
    if (request.repliedTo().isPresent()) {
      target = request.repliedTo();
    } else if (request.args().size() == 1) {
      String who = request.args().get(0);
      target = resolve(g, who);
      if (target.isEmpty()) {
        return request.reply(texts.trustUnknownUser(who));
      }
    } else {
      return request.reply(texts.trustUsage(command));
    }
    UserRef user = target.get();
    if (user.isBot()) {
      return request.reply(texts.trustUsage(command));
    }
    String label = label(user);
    UserId by = request.sender() instanceof Sender.User u ? u.user().id() : g.owner();
    if (!trust) {
      return List.of(
          new UntrustMember(g.id(), user.id(), by), request.answer(texts.untrusted(label)));
    }
    List<Decision> decisions = new ArrayList<>();
    decisions.add(
        new TrustMember(new TrustedMember(g.id(), user.id(), label, by, clock.instant())));
    if (members.find(g.id(), user.id()).map(m -> m.isRestricted()).orElse(false)) {
      decisions.add(new Lift(g.id(), user.id(), Priority.P0_INTERACTIVE, "trusted"));
      decisions.add(new ClearPrompts(g.id(), user.id(), g.channels(), g.settings()));
    }
    decisions.add(request.answer(texts.trusted(label)));
    return decisions;
  }

  /** A numeric id, or an {@code @username} Telegram resolves to a user. */
  private Optional<UserRef> resolve(ProtectedGroup g, String who) {
    String bare = who.startsWith("@") ? who.substring(1) : who;
    if (bare.matches("\\d{1,19}")) {
      long id;
      try {
        id = Long.parseLong(bare);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (id <= 0) {
        return Optional.empty(); // no user has it
      }
      UserId user = UserId.of(id);
      try {
        ChatMember m = telegram.member(g.id().chat(), user);
        return Optional.of(m.user());
      } catch (BotApiException e) {
        return Optional.of(new UserRef(user, "", Optional.empty(), false));
      }
    }
    if (!who.startsWith("@") || !bare.matches("[A-Za-z][A-Za-z0-9_]{3,31}")) {
      return Optional.empty();
    }
    Optional<ChatInfo> chat = telegram.chat(new ChannelReference.Username(bare));
    return chat.filter(c -> c.chat().type() == ChatType.PRIVATE)
        .map(
            c ->
                new UserRef(
                    UserId.of(c.chat().id().value()), c.chat().title(), Optional.of(bare), false));
  }

  private static String label(UserRef user) {
    if (user.username().isPresent()) {
      return "@" + user.username().get();
    }
    return user.firstName().isBlank() ? "id " + user.id().value() : user.firstName();
  }
}
