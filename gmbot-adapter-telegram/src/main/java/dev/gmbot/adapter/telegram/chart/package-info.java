/**
 * The /stats picture: the domain's figures drawn with JFreeChart, headless, into a PNG (ADR 0069).
 * {@link dev.gmbot.adapter.telegram.chart.StatsCharts#jfreeChart()} loads JFreeChart and AWT only
 * when the first picture is drawn, so a Lambda cold start does not pay for them.
 */
package dev.gmbot.adapter.telegram.chart;
