package dev.gmbot.port.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The private menu waiting for something a person types: which group it concerns, what the text is
 * for ({@code subject}, a short name the domain chooses, e.g. {@code prompt_text}), the text they
 * already typed and are previewing ({@code draft}), and when the wait ends ({@code expiresAt}). A
 * person has at most one conversation at a time.
 */
public record Conversation(
    UserId user, GroupId group, String subject, Optional<String> draft, Instant expiresAt) {
  /** The longest subject name a store must keep. */
  public static final int MAX_SUBJECT = 32;

  /** The longest draft a store must keep: a prompt text is at most 4096 characters. */
  public static final int MAX_DRAFT = 4096;

  public Conversation {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(group, "group");
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException(
          "a conversation's subject has 1 to " + MAX_SUBJECT + " characters: " + subject);
    }
    Objects.requireNonNull(draft, "draft");
    if (draft.isPresent() && draft.get().length() > MAX_DRAFT) {
      throw new IllegalArgumentException("a draft is at most " + MAX_DRAFT + " characters");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the wait is over at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The same conversation with the text the person typed, waiting until {@code until}. */
  public Conversation withDraft(String text, Instant until) {
    return new Conversation(user, group, subject, Optional.of(text), until);
  }
}
