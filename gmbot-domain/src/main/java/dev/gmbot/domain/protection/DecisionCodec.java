package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.AnswerCallback;
import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.DeleteMessage;
import dev.gmbot.domain.protection.Decision.EditMessage;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PreviewPrompt;
import dev.gmbot.domain.protection.Decision.Prompt;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.protection.Decision.Restrict;
import dev.gmbot.domain.protection.Decision.SendChart;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.StatsChartData;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text form of the decisions that call Telegram, as the effect outbox stores them (ADR 0014).
 * Only those can be deferred: decisions that change GMBot's own state run inline.
 *
 * <p>The form is a sequence of length-prefixed fields ({@code 5:hello}), a version tag first, so
 * that any text (newlines, colons, emoji) round-trips without escaping and a record that gains a
 * field gets a new version instead of misreading old rows.
 */
final class DecisionCodec {
  private static final String VERSION = "d1";

  private DecisionCodec() {}

  /** Whether a decision can wait in the outbox (it calls Telegram and nothing else needs it). */
  static boolean deferrable(Decision d) {
    return switch (d) {
      case Restrict r -> true;
      case Lift l -> true;
      case Prompt p -> true;
      case ClearPrompts c -> true;
      case DeleteMessage m -> true;
      case AnswerCallback a -> true;
      case Reply r -> true;
      case NotifyOwner n -> true;
      case ApproveJoin a -> true;
      case EditMessage e -> true;
      case PreviewPrompt p -> true;
      case SendChart c -> true;
      default -> false;
    };
  }

  static String encode(List<Decision> decisions) {
    Writer w = new Writer();
    w.str(VERSION);
    w.num(decisions.size());
    for (Decision d : decisions) {
      write(w, d);
    }
    return w.toString();
  }

  static List<Decision> decode(String text) {
    Reader r = new Reader(text);
    String version = r.str();
    if (!VERSION.equals(version)) {
      throw new IllegalArgumentException("unknown effect format " + version);
    }
    int n = (int) r.num();
    List<Decision> decisions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      decisions.add(read(r));
    }
    if (!r.atEnd()) {
      throw new IllegalArgumentException("trailing data after " + n + " decisions");
    }
    return decisions;
  }

  private static void write(Writer w, Decision d) {
    switch (d) {
      case Restrict x -> {
        w.str("restrict").num(x.group().value());
        user(w, x.user());
        w.str(x.reason());
      }
      case Lift x ->
          w.str("lift")
              .num(x.group().value())
              .num(x.user().value())
              .str(x.priority().name())
              .str(x.reason());
      case Prompt x -> {
        w.str("prompt").num(x.group().value());
        user(w, x.user());
        channels(w, x.channels());
        settings(w, x.settings());
        w.optNum(x.topic());
      }
      case ClearPrompts x -> {
        w.str("clear").num(x.group().value()).num(x.user().value());
        channels(w, x.channels());
        settings(w, x.settings());
      }
      case DeleteMessage x ->
          w.str("delete").num(x.group().value()).num(x.message().value()).str(x.reason());
      case AnswerCallback x ->
          w.str("answer")
              .str(x.answer().callbackQueryId())
              .opt(x.answer().text())
              .bool(x.answer().alert());
      case Reply x -> {
        w.str("reply").num(x.chat().value());
        message(w, x.message());
        w.str(x.priority().name());
      }
      case NotifyOwner x -> w.str("notify").num(x.group().value()).str(x.text());
      case ApproveJoin x -> w.str("approve").num(x.group().value()).num(x.user().value());
      case EditMessage x -> {
        w.str("edit").num(x.chat().value()).num(x.message().value());
        message(w, x.replacement());
      }
      case PreviewPrompt x -> {
        w.str("preview").num(x.chat().value());
        user(w, x.reader());
        channels(w, x.channels());
        settings(w, x.settings());
        w.str(x.inertData());
      }
      case SendChart x -> {
        w.str("chart").num(x.chat().value());
        chart(w, x.chart());
        w.str(x.caption());
        message(w, x.fallback());
      }
      default -> throw new IllegalArgumentException("not deferrable: " + d);
    }
  }

  private static Decision read(Reader r) {
    String tag = r.str();
    return switch (tag) {
      case "restrict" -> new Restrict(GroupId.of(r.num()), user(r), r.str());
      case "lift" ->
          new Lift(GroupId.of(r.num()), UserId.of(r.num()), Priority.valueOf(r.str()), r.str());
      case "prompt" ->
          new Prompt(GroupId.of(r.num()), user(r), channels(r), settings(r), r.optNum());
      case "clear" ->
          new ClearPrompts(GroupId.of(r.num()), UserId.of(r.num()), channels(r), settings(r));
      case "delete" -> new DeleteMessage(GroupId.of(r.num()), MessageId.of(r.num()), r.str());
      case "answer" -> new AnswerCallback(new CallbackAnswer(r.str(), r.opt(), r.bool()));
      case "reply" -> new Reply(ChatId.of(r.num()), message(r), Priority.valueOf(r.str()));
      case "notify" -> new NotifyOwner(GroupId.of(r.num()), r.str());
      case "approve" -> new ApproveJoin(GroupId.of(r.num()), UserId.of(r.num()));
      case "edit" -> new EditMessage(ChatId.of(r.num()), MessageId.of(r.num()), message(r));
      case "preview" ->
          new PreviewPrompt(ChatId.of(r.num()), user(r), channels(r), settings(r), r.str());
      case "chart" -> new SendChart(ChatId.of(r.num()), chart(r), r.str(), message(r));
      default -> throw new IllegalArgumentException("unknown decision " + tag);
    };
  }

  private static void user(Writer w, UserRef u) {
    w.num(u.id().value())
        .str(u.firstName())
        .opt(u.username())
        .bool(u.isBot())
        .opt(u.languageCode());
  }

  private static UserRef user(Reader r) {
    return new UserRef(UserId.of(r.num()), r.str(), r.opt(), r.bool(), r.opt());
  }

  private static void channels(Writer w, List<EnforcedChannel> channels) {
    w.num(channels.size());
    for (EnforcedChannel c : channels) {
      w.num(c.id().value()).str(c.title()).opt(c.username()).opt(c.inviteLink());
    }
  }

  private static List<EnforcedChannel> channels(Reader r) {
    int n = (int) r.num();
    List<EnforcedChannel> channels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      channels.add(new EnforcedChannel(ChannelId.of(r.num()), r.str(), r.opt(), r.opt()));
    }
    return channels;
  }

  private static void settings(Writer w, GroupSettings s) {
    w.opt(s.promptText())
        .str(s.verifyButtonText())
        .str(s.joinButtonText())
        .num(s.promptLifetime().toMillis())
        .bool(s.deleteMessages())
        .str(s.language().name())
        .optNum(s.promptTopic());
  }

  private static GroupSettings settings(Reader r) {
    return new GroupSettings(
        r.opt(),
        r.str(),
        r.str(),
        Duration.ofMillis(r.num()),
        r.bool(),
        Language.valueOf(r.str()),
        r.optNum());
  }

  private static void chart(Writer w, StatsChartData c) {
    w.str(c.title()).num(c.days().size());
    c.days().forEach(day -> w.str(day.toString()));
    w.num(c.series().size());
    for (StatsChartData.Series s : c.series()) {
      w.str(s.label());
      s.values().forEach(w::num);
    }
  }

  private static StatsChartData chart(Reader r) {
    String title = r.str();
    int n = (int) r.num();
    List<LocalDate> days = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      days.add(LocalDate.parse(r.str()));
    }
    int lines = (int) r.num();
    List<StatsChartData.Series> series = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      String label = r.str();
      List<Long> values = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        values.add(r.num());
      }
      series.add(new StatsChartData.Series(label, values));
    }
    return new StatsChartData(title, days, series);
  }

  private static void message(Writer w, OutgoingMessage m) {
    w.str(m.text()).num(m.keyboard().size());
    for (List<Button> row : m.keyboard()) {
      w.num(row.size());
      for (Button b : row) {
        switch (b) {
          case Button.Url u -> w.str("u").str(u.text()).str(u.url());
          case Button.Callback c -> w.str("c").str(c.text()).str(c.data());
        }
      }
    }
    w.opt(m.replyTo().map(id -> Long.toString(id.value()))).bool(m.silent()).optNum(m.topic());
  }

  private static OutgoingMessage message(Reader r) {
    String text = r.str();
    int rows = (int) r.num();
    List<List<Button>> keyboard = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      int n = (int) r.num();
      List<Button> row = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        String kind = r.str();
        row.add(
            switch (kind) {
              case "u" -> new Button.Url(r.str(), r.str());
              case "c" -> new Button.Callback(r.str(), r.str());
              default -> throw new IllegalArgumentException("unknown button " + kind);
            });
      }
      keyboard.add(row);
    }
    Optional<MessageId> replyTo = r.opt().map(v -> MessageId.of(Long.parseLong(v)));
    return new OutgoingMessage(text, keyboard, replyTo, r.bool(), r.optNum());
  }

  /** Appends length-prefixed fields. */
  private static final class Writer {
    private final StringBuilder out = new StringBuilder(128);

    Writer str(String value) {
      out.append(value.length()).append(':').append(value);
      return this;
    }

    Writer num(long value) {
      return str(Long.toString(value));
    }

    Writer bool(boolean value) {
      return str(value ? "1" : "0");
    }

    /** An absent value is {@code -}, a present one {@code +} and its text. */
    Writer opt(Optional<String> value) {
      return value.isPresent() ? str("+" + value.get()) : str("-");
    }

    Writer optNum(Optional<Long> value) {
      return opt(value.map(String::valueOf));
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  /** Reads what {@link Writer} wrote. */
  private static final class Reader {
    private final String in;
    private int at;

    Reader(String in) {
      this.in = in;
    }

    String str() {
      int colon = in.indexOf(':', at);
      if (colon < 0) {
        throw new IllegalArgumentException("truncated effect at " + at);
      }
      int length = Integer.parseInt(in, at, colon, 10);
      int start = colon + 1;
      if (length < 0 || start + length > in.length()) {
        throw new IllegalArgumentException("bad field length at " + at);
      }
      at = start + length;
      return in.substring(start, at);
    }

    long num() {
      return Long.parseLong(str());
    }

    boolean bool() {
      return "1".equals(str());
    }

    Optional<String> opt() {
      String v = str();
      return v.startsWith("+") ? Optional.of(v.substring(1)) : Optional.empty();
    }

    Optional<Long> optNum() {
      return opt().map(Long::parseLong);
    }

    boolean atEnd() {
      return at == in.length();
    }
  }
}
