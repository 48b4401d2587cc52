package dev.gmbot.domain.protection;

import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.StatsChartData;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the guard decided to do about one event: plain values, computed by the policies and carried
 * out, in list order, by the {@link DecisionExecutor}. An embedder with their own transport can
 * take these values and act on them itself.
 *
 * <p>Decisions that call Telegram carry the {@link Priority} of that call (ADR 0010); the others
 * change only the guard's own state (repositories, audit).
 */
public sealed interface Decision {

  /** Mutes the user until they subscribe (P1) and records them as restricted by GMBot. */
  record Restrict(GroupId group, UserRef user, String reason) implements Decision {
    public Restrict {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      reason = reason == null ? "" : reason;
    }
  }

  /** Lifts GMBot's mute (every permission true) and records the member as free. */
  record Lift(GroupId group, UserId user, Priority priority, String reason) implements Decision {
    public Lift {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(priority, "priority");
      reason = reason == null ? "" : reason;
    }
  }

  /**
   * Asks the user to subscribe: adds them to the group's standing prompt in the topic, or posts one
   * there (P1). Raids thus produce one message per group and topic, edited a bounded number of
   * times.
   *
   * @param topic the forum topic to prompt in: that of the message that called for the prompt, else
   *     (a join) the group's {@link GroupSettings#promptTopic()}; empty: General, or no forum
   */
  record Prompt(
      GroupId group,
      UserRef user,
      List<EnforcedChannel> channels,
      GroupSettings settings,
      Optional<Long> topic)
      implements Decision {
    public Prompt {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      channels = List.copyOf(channels);
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(topic, "topic");
    }

    /** A prompt about a join: in the group's prompt topic. */
    public Prompt(
        GroupId group, UserRef user, List<EnforcedChannel> channels, GroupSettings settings) {
      this(group, user, channels, settings, settings.promptTopic());
    }
  }

  /**
   * Removes the verified user from the prompts that name them: edit (showing the group's channels
   * and settings), or delete when empty (P2).
   */
  record ClearPrompts(
      GroupId group, UserId user, List<EnforcedChannel> channels, GroupSettings settings)
      implements Decision {
    public ClearPrompts {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      channels = List.copyOf(channels);
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** Deletes a message (P1). Already gone is fine. */
  record DeleteMessage(GroupId group, MessageId message, String reason) implements Decision {
    public DeleteMessage {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(message, "message");
      reason = reason == null ? "" : reason;
    }
  }

  /** Answers a pressed button (P0). Always the first decision about a press. */
  record AnswerCallback(CallbackAnswer answer) implements Decision {
    public AnswerCallback {
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** Sends a message: command replies (P0), messages to a join requester (P1). */
  record Reply(ChatId chat, OutgoingMessage message, Priority priority) implements Decision {
    public Reply {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(priority, "priority");
    }
  }

  /**
   * Tells the group's owner something (P1): in private when they can be reached there, else in the
   * group.
   */
  record NotifyOwner(GroupId group, String text) implements Decision {
    public NotifyOwner {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Pauses protection: nobody is checked or restricted until it resumes. */
  record PauseGroup(GroupId group, PauseReason reason) implements Decision {
    public PauseGroup {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(reason, "reason");
    }
  }

  record ResumeGroup(GroupId group) implements Decision {
    public ResumeGroup {
      Objects.requireNonNull(group, "group");
    }
  }

  /** Approves a pending join request (P1). */
  record ApproveJoin(GroupId group, UserId user) implements Decision {
    public ApproveJoin {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
    }
  }

  /** Records that the user was seen in the group (joined or wrote). */
  record RecordMember(GroupId group, UserId user) implements Decision {
    public RecordMember {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
    }
  }

  /** The user left the group: forget them (unless GMBot restricted them, see ADR 0061). */
  record ForgetMember(GroupId group, UserId user) implements Decision {
    public ForgetMember {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
    }
  }

  /** A basic group became a supergroup: move everything to the new id. */
  record MigrateGroup(GroupId from, GroupId to) implements Decision {
    public MigrateGroup {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** Turns protection on (or links more channels). */
  record ProtectGroup(GroupId group, String title, Owner owner, List<EnforcedChannel> channels)
      implements Decision {
    public ProtectGroup {
      Objects.requireNonNull(group, "group");
      title = title == null ? "" : title;
      Objects.requireNonNull(owner, "owner");
      channels = List.copyOf(channels);
      if (channels.isEmpty()) {
        throw new IllegalArgumentException("protection needs at least one channel");
      }
    }
  }

  /** Unlinks channels; an empty set means every channel (protection off). */
  record UnprotectGroup(GroupId group, Set<ChannelId> channels) implements Decision {
    public UnprotectGroup {
      Objects.requireNonNull(group, "group");
      channels = Set.copyOf(channels);
    }

    public boolean all() {
      return channels.isEmpty();
    }
  }

  record ChangeSettings(GroupId group, GroupSettings settings) implements Decision {
    public ChangeSettings {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** Remembers an owner (e.g. that they can now be messaged in private). */
  record SaveOwner(Owner owner) implements Decision {
    public SaveOwner {
      Objects.requireNonNull(owner, "owner");
    }
  }

  /**
   * Replaces the text and keyboard of a message the bot sent (P0): a screen of the settings menu
   * after a press. A message that is gone is sent anew; an identical one is left alone.
   */
  record EditMessage(ChatId chat, MessageId message, OutgoingMessage replacement)
      implements Decision {
    public EditMessage {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(replacement, "replacement");
    }
  }

  /**
   * Shows in a private chat how the group's prompt will look with these settings (P0), exactly as
   * the group would see it greeting {@code reader}. Its callback buttons carry {@code inertData}
   * (they must do nothing there).
   */
  record PreviewPrompt(
      ChatId chat,
      UserRef reader,
      List<EnforcedChannel> channels,
      GroupSettings settings,
      String inertData)
      implements Decision {
    public PreviewPrompt {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(reader, "reader");
      channels = List.copyOf(channels);
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(inertData, "inertData");
    }
  }

  /** Starts or replaces a person's conversation with the settings menu (what it waits for). */
  record SaveConversation(Conversation conversation) implements Decision {
    public SaveConversation {
      Objects.requireNonNull(conversation, "conversation");
    }
  }

  /** Ends a person's conversation with the settings menu. */
  record EndConversation(UserId user) implements Decision {
    public EndConversation {
      Objects.requireNonNull(user, "user");
    }
  }

  /** Remembers that a person opened the settings menu of a group (it lists it from then on). */
  record RememberMenuGroup(UserId user, GroupId group) implements Decision {
    public RememberMenuGroup {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(group, "group");
    }
  }

  /** Forgets a group of a person's menu (gone, unprotected, or no longer theirs to administer). */
  record ForgetMenuGroup(UserId user, GroupId group) implements Decision {
    public ForgetMenuGroup {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(group, "group");
    }
  }

  /** Adds to the group's counters of today (the /stats figures), e.g. a join. */
  record Count(GroupId group, DailyCounter counter) implements Decision {
    public Count {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(counter, "counter");
    }
  }

  /**
   * Sends the /stats picture (P0): {@code chart} drawn as a PNG with the {@code caption} under it;
   * when the picture cannot be drawn or the bot may not send photos in the chat, the {@code
   * fallback} text instead.
   */
  record SendChart(ChatId chat, StatsChartData chart, String caption, OutgoingMessage fallback)
      implements Decision {
    public SendChart {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(chart, "chart");
      Objects.requireNonNull(caption, "caption");
      Objects.requireNonNull(fallback, "fallback");
    }
  }

  /** Nothing to do, and why: shows up as an effect line (logs, sandbox). */
  record Note(String text) implements Decision {
    public Note {
      Objects.requireNonNull(text, "text");
    }
  }

  // ---- enforcement policy (issue 16: actions, failure policy, trust list) ----

  /**
   * Stores when the muted member is removed if still unverified (mute, then remove); an earlier
   * deadline of theirs is kept.
   */
  record ScheduleRemoval(GroupId group, UserId user, java.time.Instant due) implements Decision {
    public ScheduleRemoval {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(due, "due");
    }
  }

  /**
   * Records that a joiner is held (muted while checks fail) until {@code until} at the latest; the
   * deadline sweep re-checks them and releases them then (ADR 0017). Audited.
   */
  record Hold(GroupId group, UserId user, java.time.Instant until) implements Decision {
    public Hold {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(until, "until");
    }
  }

  /** Forgets one stored deadline of a member (a held joiner checked at last). */
  record ClearDeadline(GroupId group, UserId user, MemberDeadline.Kind kind) implements Decision {
    public ClearDeadline {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Removes the member from the group (P2): banChatMember, then unbanChatMember at once, so that
   * they may join again after subscribing. Forgets the member and their deadlines; audited.
   */
  record RemoveMember(GroupId group, UserId user, String reason) implements Decision {
    public RemoveMember {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      reason = reason == null ? "" : reason;
    }
  }

  /** Exempts a member from the checks in the group (/trust); audited. */
  record TrustMember(TrustedMember member) implements Decision {
    public TrustMember {
      Objects.requireNonNull(member, "member");
    }
  }

  /** Ends a member's exemption (/untrust, the menu's remove button); audited. */
  record UntrustMember(GroupId group, UserId user, UserId by) implements Decision {
    public UntrustMember {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(by, "by");
    }
  }

  // ---- the join-request gate (ADR 0023) ----

  /**
   * Holds a join request open until the requester subscribes or it expires; one they had in the
   * group already is replaced.
   */
  record HoldJoinRequest(PendingJoinRequest request) implements Decision {
    public HoldJoinRequest {
      Objects.requireNonNull(request, "request");
    }
  }

  /** Forgets a held join request without calling Telegram (left to the admins, or given up). */
  record ForgetJoinRequest(GroupId group, UserId user, String reason) implements Decision {
    public ForgetJoinRequest {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      reason = reason == null ? "" : reason;
    }
  }

  /**
   * Declines an expired join request (P2) and, once Telegram has declined it, tells the requester
   * why in their private chat (P2; a chat that refuses is an effect line). The held request is
   * forgotten whatever Telegram answers (no retry but after a timeout); a decline is audited.
   */
  record DeclineJoin(
      GroupId group, UserId user, ChatId userChat, OutgoingMessage notice, String reason)
      implements Decision {
    public DeclineJoin {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(userChat, "userChat");
      Objects.requireNonNull(notice, "notice");
      reason = reason == null ? "" : reason;
    }
  }

  // ---- background sweeps (issue 16, items 4-6) ----

  /** Sets the group's off-peak hours, in which its active members are verified (/offpeak). */
  record SetOffPeak(GroupId group, dev.gmbot.port.model.OffPeakHours hours) implements Decision {
    public SetOffPeak {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(hours, "hours");
    }
  }
}
