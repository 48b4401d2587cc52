package dev.gmbot.port.out;

import dev.gmbot.port.model.StatsChartData;

/**
 * Draws the /stats picture: figures in, a PNG out. The domain says what the figures are; an adapter
 * decides how they look (ADR 0069).
 */
public interface StatsChart {
  /** Draws nothing: /stats answers in text. */
  StatsChart NONE =
      data -> {
        throw new IllegalStateException("no chart renderer is installed");
      };

  /**
   * The picture as PNG bytes.
   *
   * @throws IllegalStateException when it cannot be drawn here (e.g. no font): /stats then answers
   *     in text
   */
  byte[] png(StatsChartData data);
}
