package dev.gmbot.adapter.telegram.benchmarks;

import dev.gmbot.adapter.telegram.MalformedUpdateException;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.port.in.InboundEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Update decoding throughput (JSON bytes to an InboundEvent), one thread. See docs/performance.md
 * "Update decoding" for how to run it and the numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpdateDecodingBenchmark {
  /** A typical group message as the Bot API server writes it (with fields the guard ignores). */
  static final byte[] GROUP_MESSAGE =
      ("{\"update_id\":900000100,\"message\":{\"message_id\":5100,"
              + "\"from\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\",\"last_name\":\"Example\","
              + "\"username\":\"alice\",\"language_code\":\"en\",\"is_premium\":true},"
              + "\"chat\":{\"id\":-1001234567890,\"title\":\"Guarded Group\",\"username\":\"guarded_group\","
              + "\"type\":\"supergroup\"},\"date\":1760002000,"
              + "\"reply_to_message\":{\"message_id\":5099,\"from\":{\"id\":222222222,\"is_bot\":false,"
              + "\"first_name\":\"Bob\"},\"chat\":{\"id\":-1001234567890,\"title\":\"Guarded Group\","
              + "\"type\":\"supergroup\"},\"date\":1760001990,\"text\":\"anyone here?\"},"
              + "\"text\":\"Hello @bob, see https://example.org for the details of tonight's meetup\","
              + "\"entities\":[{\"offset\":6,\"length\":4,\"type\":\"mention\"},"
              + "{\"offset\":16,\"length\":19,\"type\":\"url\"}],"
              + "\"link_preview_options\":{\"is_disabled\":true}}}")
          .getBytes(StandardCharsets.UTF_8);

  /** A chat_member update: the bot mutes a user (restricted, every permission false). */
  static final byte[] CHAT_MEMBER =
      ("{\"update_id\":900000101,\"chat_member\":{\"chat\":{\"id\":-1001234567890,"
              + "\"title\":\"Guarded Group\",\"username\":\"guarded_group\",\"type\":\"supergroup\"},"
              + "\"from\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Group Guard\","
              + "\"username\":\"group_guard_bot\"},\"date\":1760002100,"
              + "\"old_chat_member\":{\"user\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\","
              + "\"username\":\"alice\",\"language_code\":\"en\"},\"status\":\"member\"},"
              + "\"new_chat_member\":{\"user\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\","
              + "\"username\":\"alice\",\"language_code\":\"en\"},\"status\":\"restricted\",\"until_date\":0,"
              + "\"can_send_messages\":false,\"can_send_audios\":false,\"can_send_documents\":false,"
              + "\"can_send_photos\":false,\"can_send_videos\":false,\"can_send_video_notes\":false,"
              + "\"can_send_voice_notes\":false,\"can_send_polls\":false,\"can_send_other_messages\":false,"
              + "\"can_add_web_page_previews\":false,\"can_react_to_messages\":false,\"can_edit_tag\":false,"
              + "\"can_change_info\":false,\"can_invite_users\":false,\"can_pin_messages\":false,"
              + "\"can_manage_topics\":false,\"is_member\":true}}}")
          .getBytes(StandardCharsets.UTF_8);

  private final TelegramUpdateDecoder decoder = new TelegramUpdateDecoder();

  @Benchmark
  public Optional<InboundEvent> groupMessage() throws MalformedUpdateException {
    return decoder.decode(GROUP_MESSAGE);
  }

  @Benchmark
  public Optional<InboundEvent> chatMember() throws MalformedUpdateException {
    return decoder.decode(CHAT_MEMBER);
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(UpdateDecodingBenchmark.class.getSimpleName()).build())
        .run();
  }
}
