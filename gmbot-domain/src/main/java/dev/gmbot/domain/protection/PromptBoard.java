package dev.gmbot.domain.protection;

import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.CallDeferredException;
import dev.gmbot.domain.scheduling.Delivery;
import dev.gmbot.domain.scheduling.GroupMigration;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.PromptRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One standing prompt per group and forum topic (ADR 0062, ADR 0034). A user to prompt is added to
 * the group's newest open prompt in their topic (edited at most once per {@link
 * ProtectionSettings#promptEditInterval()}), or a new prompt is posted when none is open. Among
 * instances sharing the repository only the one that wins the group's reservation posts a prompt
 * outside a topic; the others join the reservation and the poster's stored prompt names them, shown
 * by the next edit or the sweep (ADR 0078); prompts in a topic are not reserved across instances.
 * Verified users are taken off their prompts; an empty prompt is deleted; {@link #sweep} deletes
 * expired prompts and shows names whose edit was deferred.
 *
 * <p>Names are remembered in this process only (the repository keeps user ids); a name it never saw
 * is counted among "others". Its Telegram calls go through the scheduler view of the execution it
 * serves, so that a migration one of them finds is handled like any other.
 */
final class PromptBoard {
  private static final int MAX_NAMES_REMEMBERED = 50_000;

  /**
   * How long a reservation to post the group's prompt holds (ADR 0078): past it, an instance that
   * died while posting no longer keeps the group without a prompt.
   */
  private static final Duration RESERVATION = Duration.ofSeconds(30);

  /** Newest-open, reserve, join: a few rounds, then post rather than prompt nobody. */
  private static final int RESERVE_ATTEMPTS = 3;

  private record Key(GroupId group, MessageId message) {}

  /** What a prompt message shows now, when it was last edited, and what it should show. */
  private record Shown(String text, Instant editedAt, boolean stale, Look look) {}

  private record Look(List<EnforcedChannel> channels, GroupSettings settings) {}

  private final PromptRepository prompts;
  private final ChatMessaging messaging;
  private final ChatModeration moderation;
  private final Clock clock;
  private final ProtectionSettings settings;
  private final Map<UserId, String> names = new ConcurrentHashMap<>();
  private final Map<Key, Shown> shown = new ConcurrentHashMap<>();

  /** The forum topic of each prompt posted in one (prompts missing here are in General). */
  private final Map<Key, Long> topics = new ConcurrentHashMap<>();

  private final Map<GroupId, ReentrantLock> locks = new ConcurrentHashMap<>();

  PromptBoard(
      PromptRepository prompts,
      ChatMessaging messaging,
      ChatModeration moderation,
      Clock clock,
      ProtectionSettings settings) {
    this.prompts = prompts;
    this.messaging = messaging;
    this.moderation = moderation;
    this.clock = clock;
    this.settings = settings;
  }

  /** Adds the user to the standing prompt, or posts one. Returns the effect line. */
  String prompt(Decision.Prompt decision, BotCallScheduler calls) {
    return locked(decision.group(), () -> promptLocked(decision, calls));
  }

  private String promptLocked(Decision.Prompt decision, BotCallScheduler calls) {
    GroupId group = decision.group();
    UserRef user = decision.user();
    Instant now = clock.instant();
    remember(user);
    boolean recently =
        prompts.naming(group, user.id()).stream()
            .anyMatch(
                p ->
                    now.isBefore(p.expiresAt())
                        || p.postedAt().isAfter(now.minus(settings.promptCooldown())));
    if (recently) {
      return "prompt for " + user.id() + " in " + group + " already shown";
    }
    Look look = new Look(decision.channels(), decision.settings());
    Instant expires = now.plus(decision.settings().promptLifetime());
    // A standing prompt is shared by the members of one topic only: it stays where it was posted.
    // Outside a topic the group's reservation makes one instance the poster (ADR 0078).
    boolean reservable = decision.topic().isEmpty();
    boolean reserved = false;
    for (int attempt = 0; attempt < RESERVE_ATTEMPTS && !reserved; attempt++) {
      // One row per joiner, whatever the prompt already names: a raid of thousands stays linear.
      Optional<MessageId> open = newestOpenMessage(group, decision.topic(), now);
      if (open.isPresent()) {
        if (!prompts.addUser(group, open.get(), user.id(), expires)) {
          continue; // deleted meanwhile: look again
        }
        return "added "
            + user.id()
            + " to prompt "
            + open.get()
            + refresh(group, open.get(), look, calls);
      }
      if (!reservable) {
        break;
      }
      reserved = prompts.reserve(group, now, now.plus(RESERVATION));
      if (!reserved && prompts.joinReservation(group, user.id(), now)) {
        return "added " + user.id() + " to the prompt being posted in " + group;
      }
    }
    OutgoingMessage message = render(Set.of(user.id()), look).inTopic(decision.topic());
    Delivery<MessageId> sent;
    try {
      sent =
          calls.deliver(
              BotCall.to(group.chat(), BotMethod.SEND_MESSAGE, Priority.P1_ENFORCEMENT),
              chat -> messaging.send(chat, message));
    } catch (RuntimeException e) {
      if (reserved) {
        prompts.release(group, now);
      }
      throw e;
    }
    GroupId postedIn = sent.migration().map(GroupMigration::to).orElse(group);
    MessageId id = sent.result();
    Prompt fresh = new Prompt(postedIn, id, Set.of(user.id()), now, expires);
    Prompt posted;
    if (reserved) {
      posted = prompts.posted(group, now, fresh);
    } else {
      prompts.save(fresh);
      posted = fresh;
    }
    boolean othersJoined = posted.users().size() > 1;
    shown.put(new Key(postedIn, id), new Shown(message.text(), now, othersJoined, look));
    decision.topic().ifPresent(topic -> topics.put(new Key(postedIn, id), topic));
    return "prompted "
        + user.id()
        + " in "
        + postedIn
        + decision.topic().map(topic -> " topic " + topic).orElse("")
        + " (message "
        + id
        + ")"
        + (othersJoined ? " with " + (posted.users().size() - 1) + " joined (edit deferred)" : "");
  }

  /**
   * Posts, in a private chat, the prompt as the group would show it to {@code reader} (the settings
   * menu's preview); its callback buttons carry {@code inertData} instead of the verify data.
   */
  MessageId preview(Decision.PreviewPrompt decision, BotCallScheduler calls) {
    remember(decision.reader());
    OutgoingMessage prompt =
        render(Set.of(decision.reader().id()), new Look(decision.channels(), decision.settings()));
    List<List<Button>> rows =
        prompt.keyboard().stream()
            .map(
                row ->
                    row.stream()
                        .map(
                            b ->
                                b instanceof Button.Callback c
                                    ? new Button.Callback(c.text(), decision.inertData())
                                    : b)
                        .toList())
            .toList();
    OutgoingMessage preview = OutgoingMessage.text(prompt.text()).withKeyboard(rows);
    return calls.submit(
        BotCall.to(decision.chat(), BotMethod.SEND_MESSAGE, Priority.P0_INTERACTIVE),
        chat -> messaging.send(chat, preview));
  }

  /** Takes a verified user off the prompts naming them. */
  List<String> clear(Decision.ClearPrompts decision, BotCallScheduler calls) {
    return locked(decision.group(), () -> clearLocked(decision, calls));
  }

  private List<String> clearLocked(Decision.ClearPrompts decision, BotCallScheduler calls) {
    GroupId group = decision.group();
    UserId user = decision.user();
    Look look = new Look(decision.channels(), decision.settings());
    List<String> effects = new ArrayList<>();
    for (Prompt p : prompts.naming(group, user)) {
      Set<UserId> rest = new HashSet<>(p.users());
      rest.remove(user);
      if (rest.isEmpty()) {
        delete(p, calls);
        effects.add("deleted prompt " + p.message() + " in " + group);
      } else {
        Prompt shrunk = new Prompt(group, p.message(), rest, p.postedAt(), p.expiresAt());
        prompts.save(shrunk);
        effects.add(
            "took " + user + " off prompt " + p.message() + refresh(shrunk, look, true, calls));
      }
    }
    return effects;
  }

  /** Deletes expired prompts and shows deferred names (P2). Returns the effect lines. */
  List<String> sweep(BotCallScheduler calls) {
    Instant now = clock.instant();
    List<String> effects = new ArrayList<>();
    for (Prompt p : prompts.expired(now, settings.sweepBatch())) {
      locked(
          p.group(),
          () -> {
            delete(p, calls);
            return null;
          });
      effects.add("expired prompt " + p.message() + " in " + p.group() + " deleted");
    }
    List<Map.Entry<Key, Shown>> stale =
        shown.entrySet().stream()
            .filter(e -> e.getValue().stale())
            .sorted(Comparator.comparing(e -> e.getValue().editedAt()))
            .limit(settings.sweepBatch())
            .toList();
    for (Map.Entry<Key, Shown> entry : stale) {
      Key key = entry.getKey();
      boolean edited =
          locked(
              key.group(),
              () -> {
                var current = prompts.find(key.group(), key.message());
                if (current.isEmpty()) {
                  shown.remove(key);
                  return false;
                }
                edit(current.get(), entry.getValue().look(), Priority.P2_BACKGROUND, now, calls);
                return true;
              });
      if (edited) {
        effects.add("prompt " + key.message() + " refreshed");
      }
    }
    return effects;
  }

  /** Prompts of one group change one at a time (raids add users concurrently). */
  private <T> T locked(GroupId group, Supplier<T> action) {
    ReentrantLock lock = locks.computeIfAbsent(group, g -> new ReentrantLock());
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * As {@link #refresh(Prompt, Look, boolean, BotCallScheduler)} for a prompt that just named one
   * more user: reads who it names only when it is edited now.
   */
  private String refresh(GroupId group, MessageId message, Look look, BotCallScheduler calls) {
    Shown s = shown.get(new Key(group, message));
    if (s != null && clock.instant().isBefore(s.editedAt().plus(settings.promptEditInterval()))) {
      shown.put(new Key(group, message), new Shown(s.text(), s.editedAt(), true, look));
      return " (edit deferred)";
    }
    return prompts
        .find(group, message)
        .map(p -> refresh(p, look, false, calls))
        .orElse(" (gone meanwhile)");
  }

  /** Edits now if the last edit is old enough, else marks the prompt stale for later. */
  private String refresh(Prompt p, Look look, boolean cleanup, BotCallScheduler calls) {
    Instant now = clock.instant();
    Key key = new Key(p.group(), p.message());
    Shown s = shown.get(key);
    if (s != null && now.isBefore(s.editedAt().plus(settings.promptEditInterval()))) {
      shown.put(key, new Shown(s.text(), s.editedAt(), true, look));
      return " (edit deferred)";
    }
    edit(p, look, cleanup ? Priority.P2_BACKGROUND : Priority.P1_ENFORCEMENT, now, calls);
    return " (edited)";
  }

  private void edit(Prompt p, Look look, Priority priority, Instant now, BotCallScheduler calls) {
    OutgoingMessage message = render(p.users(), look);
    Key key = new Key(p.group(), p.message());
    Shown s = shown.get(key);
    if (s == null || !s.text().equals(message.text())) {
      try {
        calls.run(
            BotCall.to(p.group().chat(), BotMethod.EDIT_MESSAGE_TEXT, priority),
            chat -> messaging.edit(chat, p.message(), message));
      } catch (CallDeferredException e) {
        // The edit would wait for the group's meter (ADR 0014): the prompt's rows already say who
        // it names, so the sweep shows the names later, as for an edit deferred by the interval.
        shown.put(key, new Shown(s == null ? "" : s.text(), now, true, look));
        return;
      } catch (BotApiRejectedException e) {
        if (e.reason() == BotApiRejectedException.Reason.MESSAGE_NOT_FOUND) {
          prompts.delete(p.group(), p.message());
          shown.remove(key);
          return;
        }
        if (e.reason() != BotApiRejectedException.Reason.MESSAGE_NOT_MODIFIED) {
          throw e;
        }
      }
    }
    shown.put(key, new Shown(message.text(), now, false, look));
  }

  private void delete(Prompt p, BotCallScheduler calls) {
    try {
      calls.run(
          BotCall.to(p.group().chat(), BotMethod.DELETE_MESSAGE, Priority.P2_BACKGROUND),
          chat -> moderation.deleteMessage(chat, p.message()));
    } catch (BotApiRejectedException e) {
      if (e.reason() != BotApiRejectedException.Reason.MESSAGE_NOT_FOUND) {
        throw e;
      }
    }
    prompts.delete(p.group(), p.message());
    shown.remove(new Key(p.group(), p.message()));
    topics.remove(new Key(p.group(), p.message()));
  }

  /**
   * The group's newest open prompt in the topic. Prompts in General come from the repository (any
   * instance may have posted them); those in a topic are known to the instance that posted them.
   */
  private Optional<Prompt> newestOpen(GroupId group, Optional<Long> topic, Instant now) {
    if (topic.isEmpty()) {
      return prompts.newestOpen(group, now).filter(p -> topicOf(p.group(), p.message()).isEmpty());
    }
    return topics.entrySet().stream()
        .filter(e -> e.getKey().group().equals(group) && e.getValue().equals(topic.get()))
        .map(e -> prompts.find(group, e.getKey().message()))
        .flatMap(Optional::stream)
        .filter(p -> now.isBefore(p.expiresAt()))
        .max(Comparator.comparing(Prompt::postedAt));
  }

  /** {@link #newestOpen}'s message: outside a topic without reading who the prompt names. */
  private Optional<MessageId> newestOpenMessage(GroupId group, Optional<Long> topic, Instant now) {
    if (topic.isEmpty()) {
      return prompts
          .newestOpenMessage(group, now)
          .filter(message -> topicOf(group, message).isEmpty());
    }
    return newestOpen(group, topic, now).map(Prompt::message);
  }

  private Optional<Long> topicOf(GroupId group, MessageId message) {
    return Optional.ofNullable(topics.get(new Key(group, message)));
  }

  private void remember(UserRef user) {
    if (names.size() > MAX_NAMES_REMEMBERED) {
      names.clear();
    }
    names.put(user.id(), user.displayName());
  }

  /**
   * The prompt, in the group's language: up to {@code namesShown} names, "and N others", the
   * channels and the buttons.
   */
  OutgoingMessage render(Set<UserId> users, Look look) {
    List<String> known =
        users.stream()
            .sorted(Comparator.comparingLong(UserId::value))
            .map(names::get)
            .filter(n -> n != null)
            .limit(settings.namesShown())
            .toList();
    int others = users.size() - known.size();
    GroupSettings s = look.settings();
    Texts texts = Texts.in(s.language());
    String who = texts.promptGreeting(known, others);
    String body = s.promptText().orElseGet(() -> texts.promptBody(look.channels(), s));
    String text = "👋 " + who + "\n\n" + body;
    if (text.length() > 4096) {
      text = text.substring(0, 4095) + "…";
    }
    List<List<Button>> rows = new ArrayList<>();
    String join = texts.joinLabel(s);
    for (EnforcedChannel channel : look.channels()) {
      String label = look.channels().size() == 1 ? join : join + " " + channel.displayName();
      channel.joinUrl().ifPresent(url -> rows.add(List.of(new Button.Url(label, url))));
    }
    String data =
        users.size() == 1
            ? ProtectionPolicy.VERIFY_PREFIX + users.iterator().next().value()
            : ProtectionPolicy.VERIFY_ANY;
    rows.add(List.of(new Button.Callback(texts.verifyLabel(s), data)));
    return OutgoingMessage.text(text).withKeyboard(rows).silently();
  }
}
