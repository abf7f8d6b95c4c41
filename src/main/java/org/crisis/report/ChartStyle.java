package org.crisis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one plain style of the report's charts: white ground, light grid, left-aligned titles,
 * the level colours of {@link RelationLevel}, a colour per series from {@link #PALETTE}, the
 * axes of days and shares, and what a chart of values that never vary shows (an axis around
 * the value and a subtitle saying so). The families of charts draw with it: {@link LineCharts}
 * (lines, bands and steps over days or replications), {@link HeatMaps}, {@link BarCharts},
 * {@link TimelineChart}, and {@link NetworkDiagram}.
 */
final class ChartStyle {
    /** Colours for run sets and directions (colour-blind-safe, after Okabe and Ito). */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xE69F00), new Color(0x000000), new Color(0xF0E442)};
    static final Color DOWNGRADE = RelationLevel.DOWNGRADED.colour();
    static final Color RUPTURE = RelationLevel.SEVERED.colour();
    static final Color RESTORATION = RelationLevel.ALLIED.colour();
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    static final Color GRID = new Color(0xE3E3E3);

    private ChartStyle() {}

    static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }

    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
        style(c);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
        return c;
    }

    static void style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.setPadding(new RectangleInsets(4, 4, 4, 8));
        c.getTitle().setPaint(new Color(0x222222));
        c.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        LegendTitle legend = c.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(TICK);
            legend.setBackgroundPaint(Color.WHITE);
        }
    }

    static void axis(ValueAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(new Color(0x444444));
        a.setTickLabelPaint(new Color(0x444444));
        a.setAxisLinePaint(new Color(0x999999));
        a.setTickMarkPaint(new Color(0x999999));
    }

    static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    static NumberAxis dayAxis(String label, double last) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(0, Math.max(1, last));
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }

    static NumberAxis shareAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(0, 1.0001);
        a.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        return a;
    }

    /**
     * The one value every finite number of the arrays holds (null arrays are skipped), or NaN if
     * they hold different values or none: a chart of them would have no range to draw.
     */
    static double constant(double[]... arrays) {
        double v = Double.NaN;
        for (double[] a : arrays) {
            if (a == null) {
                continue;
            }
            for (double x : a) {
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    continue;
                }
                if (Double.isNaN(v)) {
                    v = x;
                } else if (Math.abs(x - v) > 1e-12 * Math.max(1, Math.abs(v))) {
                    return Double.NaN;
                }
            }
        }
        return v;
    }

    /** The words for an outcome that never varies: {@code constant: 0 in every run with a value} (days to an event: those that had it). */
    static String constantText(double v, boolean share) {
        return "constant: " + (share ? Format.percent(v) : Format.number(v)) + " in every run with a value";
    }

    /**
     * A chart whose values are all one number would get an axis of zero height, which JFreeChart
     * labels with ticks such as 5E-9 or 9E-1 9E-1: give the axis a plain range around the value
     * and say in a subtitle that it is constant. Axes with a range set by the caller are kept.
     */
    static void flat(JFreeChart c, NumberAxis y, double v) {
        if (Double.isNaN(v) || !y.isAutoRange()) {
            return;
        }
        double pad = v == 0 ? 1 : Math.abs(v) * 0.5;
        y.setRange(v == 0 ? 0 : v - pad, v + pad);
        TextTitle t = new TextTitle(constantText(v, false), LABEL);
        t.setPaint(new Color(0x444444));
        t.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        c.addSubtitle(t);
    }
}
