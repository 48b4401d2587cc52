package dev.gmbot.adapter.telegram.chart;

import dev.gmbot.port.model.StatsChartData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the figures as one line per series over the days, in a fixed size and palette, and encodes
 * the picture as PNG. Only {@link StatsCharts} calls it, once JFreeChart may be loaded.
 */
final class JFreeChartRenderer {
  static final int WIDTH = 1000;
  static final int HEIGHT = 560;

  /** Bidi controls the catalogues put around values: a picture draws them as boxes. */
  private static final Pattern BIDI_CONTROLS =
      Pattern.compile("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

  private static final List<Color> PALETTE =
      List.of(
          new Color(0x1f77b4),
          new Color(0xd62728),
          new Color(0x2ca02c),
          new Color(0x17becf),
          new Color(0x7f7f7f));

  private JFreeChartRenderer() {}

  static byte[] png(StatsChartData data) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (StatsChartData.Series series : data.series()) {
      for (int i = 0; i < data.days().size(); i++) {
        dataset.addValue(
            series.values().get(i), plain(series.label()), DAY.format(data.days().get(i)));
      }
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            plain(data.title()), "", "", dataset, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer in this JVM");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    plot.setOutlineVisible(false);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    range.setLowerBound(0);
    range.setAutoRangeMinimumSize(4);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    renderer.setDefaultShapesVisible(true);
    for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
      renderer.setSeriesStroke(i, new BasicStroke(2.5f));
    }
  }

  private static String plain(String text) {
    return BIDI_CONTROLS.matcher(text).replaceAll("");
  }
}
