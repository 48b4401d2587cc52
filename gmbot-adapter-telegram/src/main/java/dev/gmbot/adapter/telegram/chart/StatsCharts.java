package dev.gmbot.adapter.telegram.chart;

import dev.gmbot.port.model.StatsChartData;
import dev.gmbot.port.out.StatsChart;
import java.util.Objects;

/**
 * The {@link StatsChart} the deployables install. Creating it loads nothing: JFreeChart, AWT and
 * the fonts are loaded by the first {@link StatsChart#png} (a holder class), so only a process that
 * answers /stats pays for them. Rendering runs headless ({@code java.awt.headless=true}).
 */
public final class StatsCharts {
  private StatsCharts() {}

  /** The JFreeChart renderer, loaded on first use. */
  public static StatsChart jfreeChart() {
    return new Deferred();
  }

  private static final class Deferred implements StatsChart {
    @Override
    public byte[] png(StatsChartData data) {
      Objects.requireNonNull(data, "data");
      try {
        return Loaded.draw(data);
      } catch (LinkageError | java.awt.AWTError e) {
        // No font configuration, no AWT native library: /stats answers in text instead.
        throw new IllegalStateException("cannot draw here: " + e, e);
      }
    }
  }

  /** Loaded (with JFreeChart) when the first picture is drawn. */
  private static final class Loaded {
    static {
      if (System.getProperty("java.awt.headless") == null) {
        System.setProperty("java.awt.headless", "true");
      }
    }

    static byte[] draw(StatsChartData data) {
      return JFreeChartRenderer.png(data);
    }
  }
}
