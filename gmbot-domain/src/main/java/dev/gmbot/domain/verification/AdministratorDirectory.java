package dev.gmbot.domain.verification;

import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatDirectory;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who administers a group (creator included), for exemptions. Served from the {@link
 * AdministratorCache}; a miss loads {@code getChatAdministrators} once and caches it (1 h by
 * default), so a message never costs a lookup while the list is cached. The list is invalidated
 * when a {@code chat_member} update changes someone's administrator status.
 */
public final class AdministratorDirectory {
  private final ChatDirectory directory;
  private final AdministratorCache cache;
  private final BotCallScheduler scheduler;
  private final VerificationSettings settings;

  @Inject
  public AdministratorDirectory(
      ChatDirectory directory,
      AdministratorCache cache,
      BotCallScheduler scheduler,
      VerificationSettings settings) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public boolean isAdministrator(GroupId group, UserId user) {
    return administrators(group).contains(user);
  }

  public Set<UserId> administrators(GroupId group) {
    return cache.get(group).orElseGet(() -> load(group));
  }

  /** Forgets the cached list; the next question loads it again. */
  public void invalidate(GroupId group) {
    cache.invalidate(group);
  }

  /**
   * Loads and caches the list. When the bot cannot read it (removed from the group) nobody is known
   * as admin and nothing is cached: a restriction then fails with the same access problem, which
   * pauses the group, and Telegram itself refuses to restrict an administrator.
   */
  private Set<UserId> load(GroupId group) {
    List<ChatMember> list;
    try {
      list =
          scheduler.submit(
              BotCall.to(group.chat(), BotMethod.GET_CHAT_ADMINISTRATORS, Priority.P1_ENFORCEMENT),
              chat -> directory.getAdministrators(chat));
    } catch (ChatAccessException e) {
      return Set.of();
    }
    Set<UserId> admins =
        list.stream()
            .map(ChatMember::user)
            .map(u -> u.id())
            .collect(Collectors.toUnmodifiableSet());
    cache.put(group, admins, settings.administratorTtl());
    return admins;
  }
}
