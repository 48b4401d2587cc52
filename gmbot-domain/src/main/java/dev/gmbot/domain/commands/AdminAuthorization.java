package dev.gmbot.domain.commands;

import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.OwnerRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may run an admin command in a group: its creator or one of its administrators (asked fresh
 * from Telegram, P0), or an anonymous admin posting as that very group. Bots, posts on behalf of a
 * channel and automatic forwards never may.
 */
final class AdminAuthorization {
  /** An authorized caller: a known user, or an anonymous admin of the group (user unknown). */
  record Caller(Optional<UserRef> user) {
    Caller {
      Objects.requireNonNull(user, "user");
    }

    boolean anonymous() {
      return user.isEmpty();
    }
  }

  private final TelegramReads telegram;
  private final OwnerRepository owners;

  AdminAuthorization(TelegramReads telegram, OwnerRepository owners) {
    this.telegram = Objects.requireNonNull(telegram, "telegram");
    this.owners = Objects.requireNonNull(owners, "owners");
  }

  /** The caller when they administer the group; empty otherwise. */
  Optional<Caller> authorize(Sender sender, GroupId group) {
    return switch (sender) {
      case Sender.AnonymousAdmin a ->
          a.group().id().equals(group.chat())
              ? Optional.of(new Caller(Optional.empty()))
              : Optional.empty();
      case Sender.User u ->
          !u.user().isBot() && telegram.member(group.chat(), u.user().id()).isAdmin()
              ? Optional.of(new Caller(Optional.of(u.user())))
              : Optional.empty();
      case Sender.OnBehalfOfChannel c -> Optional.empty();
      case Sender.AutomaticForward f -> Optional.empty();
    };
  }

  /**
   * Who answers for what the caller sets up: the caller, or for an anonymous admin the group's
   * creator; empty when the creator cannot be told.
   */
  Optional<Owner> accountable(GroupId group, Caller caller) {
    if (caller.user().isPresent()) {
      return Optional.of(owner(caller.user().get()));
    }
    return telegram.administrators(group).stream()
        .filter(m -> m.status() == MemberStatus.CREATOR)
        .map(ChatMember::user)
        .findFirst()
        .map(this::owner);
  }

  private Owner owner(UserRef user) {
    boolean reachable = owners.find(user.id()).map(Owner::reachableInPrivate).orElse(false);
    return new Owner(user.id(), user.username(), reachable);
  }
}
