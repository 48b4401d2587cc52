package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.adapter.telegram.benchmarks.UpdateDecodingBenchmark;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.model.MemberStatus;
import org.junit.jupiter.api.Test;

/** The benchmark measures real decodes, not failures. */
class UpdateDecodingBenchmarkInputsTest {
  @Test
  void benchmarkInputsDecodeToTheExpectedEvents() throws Exception {
    UpdateDecodingBenchmark benchmark = new UpdateDecodingBenchmark();
    assertThat(benchmark.groupMessage()).get().isInstanceOf(MessagePosted.class);
    assertThat(benchmark.chatMember())
        .get()
        .isInstanceOfSatisfying(
            GroupMemberChanged.class,
            e -> assertThat(e.after().status()).isEqualTo(MemberStatus.RESTRICTED));
  }
}
