package dev.gmbot.adapter.telegram.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.StatsChartData;
import dev.gmbot.port.out.StatsChart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The real JFreeChart renderer, headless: a decodable PNG of the chart's size. */
class StatsChartsTest {
  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  static StatsChartData fortnight(String title, String... labels) {
    LocalDate first = LocalDate.of(2026, 3, 1);
    List<LocalDate> days = LongStream.range(0, 14).mapToObj(first::plusDays).toList();
    List<StatsChartData.Series> series =
        Arrays.stream(labels)
            .map(
                l ->
                    new StatsChartData.Series(
                        l, LongStream.range(0, 14).map(i -> (i * 7) % 5).boxed().toList()))
            .toList();
    return new StatsChartData(title, days, series);
  }

  private final StatsChart chart = StatsCharts.jfreeChart();

  @Test
  void drawsAPngOfTheFiguresThatDecodes() throws IOException {
    byte[] png =
        chart.png(fortnight("Group: the last 14 days", "Joined", "Restricted", "Messages deleted"));

    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(JFreeChartRenderer.WIDTH);
    assertThat(image.getHeight()).isEqualTo(JFreeChartRenderer.HEIGHT);
    assertThat(png.length).isBetween(5_000, 500_000);
  }

  @Test
  void drawsRightToLeftTitlesWithTheirIsolatesTakenOut() throws IOException {
    byte[] png = chart.png(fortnight("\u2068گروه\u2069: \u206814\u2069 روز گذشته", "پیوستند"));

    assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
  }

  @Test
  void loadsNothingOfJFreeChartUntilTheFirstPicture() {
    // The deferred renderer is an ordinary object: making one draws (and loads) nothing.
    assertThat(StatsCharts.jfreeChart()).isNotNull().isNotSameAs(chart);
  }
}
