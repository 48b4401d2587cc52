package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.StatsChartData;
import dev.gmbot.port.out.StatsChart;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link StatsChart} for domain tests: keeps what it was asked to draw and answers with a few
 * fixed bytes (the real PNG is the adapter's, tested there), or fails as a renderer without a font
 * would.
 */
public final class RecordingStatsChart implements StatsChart {
  /** What it answers: the PNG signature, enough for the code under test to pass it on. */
  public static final byte[] BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final List<StatsChartData> drawn = new CopyOnWriteArrayList<>();
  private volatile boolean broken;

  @Override
  public byte[] png(StatsChartData data) {
    if (broken) {
      throw new IllegalStateException("no font to draw with");
    }
    drawn.add(data);
    return BYTES.clone();
  }

  /** From now on every drawing fails as it would without a font. */
  public void breakIt() {
    broken = true;
  }

  /** Everything drawn so far, in order. */
  public List<StatsChartData> drawn() {
    return List.copyOf(drawn);
  }
}
