package dev.gmbot.adapter.postgres;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GroupRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * Imports the configuration of the old single-instance bot (a {@code .env} file) as one protected
 * group, through the repository ports. Idempotent: when the group is already protected with that
 * owner, title and channels, nothing is written.
 *
 * <p>Accepted keys (others, such as {@code BOT_TOKEN}, are ignored and never echoed):
 *
 * <ul>
 *   <li>{@code GROUP_ID} (required): the group's chat id, negative, e.g. {@code -1001234567890}
 *   <li>{@code OWNER_ID} (required): the owner's user id; {@code OWNER_USERNAME} optional
 *   <li>{@code CHANNEL_IDS} or {@code CHANNEL_ID} (required): one or more channel ids, separated by
 *       commas or spaces
 *   <li>{@code CHANNEL_USERNAMES} or {@code CHANNEL_USERNAME} (optional): the channels' public
 *       usernames ({@code @name}, {@code name} or {@code https://t.me/name}) in the same order
 *   <li>{@code GROUP_TITLE} (optional)
 * </ul>
 *
 * Lines may start with {@code export}, values may be quoted with {@code "} or {@code '}, blank
 * lines and {@code #} comments are skipped.
 */
public final class LegacyEnvImporter {
  /** What an import did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** The imported group, what happened and the channels it links. */
  public record Result(GroupId group, Outcome outcome, List<ChannelId> channels) {
    public Result {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(outcome, "outcome");
      channels = List.copyOf(channels);
    }
  }

  private record Entry(int line, String value) {}

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
  private static final Map<String, String> ALIASES =
      Map.of(
          "GROUP_ID", "GROUP_ID",
          "GROUP_TITLE", "GROUP_TITLE",
          "OWNER_ID", "OWNER_ID",
          "OWNER_USERNAME", "OWNER_USERNAME",
          "CHANNEL_ID", "CHANNEL_IDS",
          "CHANNEL_IDS", "CHANNEL_IDS",
          "CHANNEL_USERNAME", "CHANNEL_USERNAMES",
          "CHANNEL_USERNAMES", "CHANNEL_USERNAMES");

  private final GroupRepository groups;
  private final Clock clock;

  public LegacyEnvImporter(GroupRepository groups, Clock clock) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reads the file and imports it.
   *
   * @throws LegacyEnvException when the file's content is not a usable configuration
   * @throws IOException when the file cannot be read
   */
  public Result importFile(Path file) throws IOException {
    return importText(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Imports the text of a {@code .env} file. */
  public Result importText(String text) {
    Map<String, Entry> entries = parse(text);
    Entry groupEntry = required(entries, "GROUP_ID");
    Entry ownerEntry = required(entries, "OWNER_ID");
    Entry channelEntry = required(entries, "CHANNEL_IDS");
    GroupId group =
        GroupId.of(
            number(groupEntry, "GROUP_ID", v -> v < 0, "a negative chat id like -1001234567890"));
    UserId ownerId =
        UserId.of(number(ownerEntry, "OWNER_ID", v -> v > 0, "a positive Telegram user id"));
    Optional<String> ownerUsername =
        Optional.ofNullable(entries.get("OWNER_USERNAME"))
            .map(e -> username(e, "OWNER_USERNAME", e.value()));
    String title = Optional.ofNullable(entries.get("GROUP_TITLE")).map(Entry::value).orElse("");

    List<ChannelId> channelIds = new ArrayList<>();
    for (String item : items(channelEntry.value())) {
      long id =
          number(
              new Entry(channelEntry.line(), item),
              "CHANNEL_IDS",
              v -> v < 0,
              "negative channel ids like -1001234567890");
      if (!channelIds.contains(ChannelId.of(id))) {
        channelIds.add(ChannelId.of(id));
      }
    }
    if (channelIds.isEmpty()) {
      throw new LegacyEnvException(
          "line " + channelEntry.line() + ": CHANNEL_IDS names no channel");
    }
    List<Optional<String>> usernames = new ArrayList<>();
    Entry usernameEntry = entries.get("CHANNEL_USERNAMES");
    if (usernameEntry != null) {
      List<String> names = items(usernameEntry.value());
      if (names.size() != channelIds.size()) {
        throw new LegacyEnvException(
            "line "
                + usernameEntry.line()
                + ": CHANNEL_USERNAMES has "
                + names.size()
                + " entries but CHANNEL_IDS has "
                + channelIds.size()
                + "; give one username per channel id, in the same order");
      }
      names.forEach(
          n -> usernames.add(Optional.of(username(usernameEntry, "CHANNEL_USERNAMES", n))));
    } else {
      channelIds.forEach(c -> usernames.add(Optional.empty()));
    }

    Optional<ProtectedGroup> existing = groups.find(group);
    List<EnforcedChannel> channels = new ArrayList<>();
    for (int i = 0; i < channelIds.size(); i++) {
      ChannelId id = channelIds.get(i);
      Optional<String> name = usernames.get(i);
      Optional<EnforcedChannel> known =
          existing.flatMap(g -> g.channels().stream().filter(c -> c.id().equals(id)).findFirst());
      channels.add(
          known
              .map(
                  k ->
                      new EnforcedChannel(
                          id, k.title(), name.isPresent() ? name : k.username(), k.inviteLink()))
              .orElseGet(() -> new EnforcedChannel(id, "", name, Optional.empty())));
    }
    String effectiveTitle =
        title.isEmpty() ? existing.map(ProtectedGroup::title).orElse("") : title;

    if (existing.isPresent() && unchanged(existing.get(), effectiveTitle, ownerId, channels)) {
      return new Result(group, Outcome.UNCHANGED, channelIds);
    }
    groups.protect(
        group, effectiveTitle, new Owner(ownerId, ownerUsername, false), channels, clock.instant());
    return new Result(group, existing.isPresent() ? Outcome.UPDATED : Outcome.CREATED, channelIds);
  }

  private static boolean unchanged(
      ProtectedGroup group, String title, UserId owner, List<EnforcedChannel> channels) {
    return group.enabled()
        && group.owner().equals(owner)
        && group.title().equals(title)
        && group.channels().containsAll(channels);
  }

  private static Map<String, Entry> parse(String text) {
    Map<String, Entry> entries = new HashMap<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ") || line.startsWith("export\t")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new LegacyEnvException("line " + number + ": expected KEY=VALUE");
      }
      String key = line.substring(0, eq).strip();
      if (!KEY.matcher(key).matches()) {
        throw new LegacyEnvException(
            "line " + number + ": '" + printable(key) + "' is not a valid variable name");
      }
      String canonical = ALIASES.get(key.toUpperCase(Locale.ROOT));
      if (canonical == null) {
        continue; // not ours (BOT_TOKEN, ...): never parsed, never echoed
      }
      String value = value(line.substring(eq + 1).strip(), number, key);
      Entry previous = entries.put(canonical, new Entry(number, value));
      if (previous != null) {
        throw new LegacyEnvException(
            "line "
                + number
                + ": "
                + key
                + " repeats "
                + canonical
                + " already given on line "
                + previous.line());
      }
    }
    return entries;
  }

  private static String value(String raw, int line, String key) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      char quote = raw.charAt(0);
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == quote) {
          String rest = raw.substring(i + 1).strip();
          if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new LegacyEnvException(
                "line " + line + ": unexpected text after the quoted value of " + key);
          }
          return out.toString().strip();
        }
        if (quote == '"' && c == '\\' && i + 1 < raw.length()) {
          out.append(raw.charAt(++i));
        } else {
          out.append(c);
        }
      }
      throw new LegacyEnvException("line " + line + ": unterminated quote in the value of " + key);
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }

  private static Entry required(Map<String, Entry> entries, String key) {
    Entry entry = entries.get(key);
    if (entry == null || entry.value().isEmpty()) {
      String where = entry == null ? "missing" : "empty on line " + entry.line();
      throw new LegacyEnvException(
          key + " is " + where + ": the import needs GROUP_ID, OWNER_ID and CHANNEL_IDS");
    }
    return entry;
  }

  private static long number(Entry entry, String key, LongPredicate valid, String expected) {
    try {
      long value = Long.parseLong(entry.value().strip());
      if (valid.test(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LegacyEnvException(
        "line "
            + entry.line()
            + ": "
            + key
            + " must be "
            + expected
            + ", got '"
            + printable(entry.value())
            + "'");
  }

  private static String username(Entry entry, String key, String raw) {
    String name = raw.strip();
    for (String prefix : new String[] {"https://t.me/", "http://t.me/", "t.me/", "@"}) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        name = name.substring(prefix.length());
      }
    }
    if (!USERNAME.matcher(name).matches()) {
      throw new LegacyEnvException(
          "line "
              + entry.line()
              + ": "
              + key
              + " must hold Telegram usernames (5 to 32 letters, digits or _), got '"
              + printable(raw)
              + "'");
    }
    return name;
  }

  private static List<String> items(String value) {
    List<String> out = new ArrayList<>();
    for (String item : value.split("[,;\\s]+")) {
      if (!item.isBlank()) {
        out.add(item.strip());
      }
    }
    return out;
  }

  private static String printable(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
