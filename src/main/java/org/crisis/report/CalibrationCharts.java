package org.crisis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The calibration report's charts, in the style of {@link ChartStyle}: points of every candidate
 * (loss and parameter traces), histograms of the ensemble, and pairs of values.
 */
final class CalibrationCharts {
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    private static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    private static final Color GRID = new Color(0xE3E3E3);
    static final Color MARK = new Color(0xD55E00);

    private CalibrationCharts() {}

    /** A series of points, joined by a line or not. */
    record Series(String label, Color colour, double[] x, double[] y, boolean line, boolean points) {}

    /** An axis over a free value's range, logarithmic for a log-scale value. */
    static ValueAxis axis(String label, double min, double max, boolean log) {
        ValueAxis a;
        if (log) {
            a = logAxis(label);
        } else {
            a = new NumberAxis(label);
            ((NumberAxis) a).setAutoRangeIncludesZero(false);
        }
        double pad = log ? 1.04 : 0;
        if (log) {
            a.setRange(min / pad, max * pad);
        } else {
            double span = max - min;
            a.setRange(min - span * 0.03, max + span * 0.03);
        }
        return a;
    }

    /** A log axis with ticks at 1, 2, 5 times powers of ten, labelled in plain decimals. */
    static LogarithmicAxis logAxis(String label) {
        LogarithmicAxis l = new LogarithmicAxis(label);
        l.setStrictValuesFlag(false);
        l.setAllowNegativesFlag(false);
        l.setExpTickLabelsFlag(false);
        l.setLog10TickLabelsFlag(false);
        l.setNumberFormatOverride(new java.text.DecimalFormat("0.####", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        return l;
    }

    /** Points (and lines) of several series; {@code mark} draws a dashed line at a y value (NaN for none). */
    static JFreeChart points(String title, ValueAxis x, ValueAxis y, List<Series> series, double mark) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        for (int s = 0; s < series.size(); s++) {
            Series v = series.get(s);
            // a curve the same as an earlier one (a fold whose best loss is, evaluation by evaluation, the fit on all
            // cases') would hide under it: drawn dashed on top, and its legend says so
            String same = null;
            for (int j = 0; j < s && same == null; j++) {
                Series u = series.get(j);
                same = v.line() && u.line() && LineCharts.close(u.x(), v.x()) && LineCharts.close(u.y(), v.y()) ? u.label() : null;
            }
            XYSeries xy = new XYSeries(same == null ? v.label() : v.label() + " (same as " + same + ")", false, true);
            for (int i = 0; i < v.x().length; i++) {
                if (!Double.isNaN(v.x()[i]) && !Double.isNaN(v.y()[i])) {
                    xy.add(v.x()[i], v.y()[i], false);
                }
            }
            data.addSeries(xy);
            r.setSeriesPaint(s, v.colour());
            r.setSeriesLinesVisible(s, v.line());
            r.setSeriesShapesVisible(s, v.points());
            r.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
            r.setSeriesStroke(s, same != null ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {7f, 5f}, 0f) : new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // later series, and a "same as" dash, on top
        if (!Double.isNaN(mark)) {
            plot.addRangeMarker(new ValueMarker(mark, MARK, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f)));
        }
        return style(new JFreeChart(title, TITLE, plot, series.size() > 1), plot);
    }

    /** A histogram of weights in bins {@code edges[i]..edges[i+1]}; {@code mark} draws a dashed line at an x value. */
    static JFreeChart histogram(String title, ValueAxis x, double[] edges, double[] weights, double mark) {
        XYIntervalSeries s = new XYIntervalSeries("share of the ensemble");
        for (int i = 0; i < weights.length; i++) {
            double mid = x instanceof LogarithmicAxis ? Math.sqrt(edges[i] * edges[i + 1]) : (edges[i] + edges[i + 1]) / 2;
            s.add(mid, edges[i], edges[i + 1], weights[i], 0, weights[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        XYBarRenderer r = new XYBarRenderer(0.06);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ChartStyle.colour(0));
        NumberAxis y = new NumberAxis("share of the ensemble");
        y.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT));
        double top = 0;
        for (double w : weights) {
            top = Math.max(top, w);
        }
        y.setRange(0, Math.max(0.05, top * 1.1));
        XYPlot plot = new XYPlot(data, x, y, r);
        if (!Double.isNaN(mark)) {
            plot.addDomainMarker(new ValueMarker(mark, MARK, new BasicStroke(1.4f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f)));
        }
        return style(new JFreeChart(title, TITLE, plot, false), plot);
    }

    private static JFreeChart style(JFreeChart c, XYPlot plot) {
        c.setBackgroundPaint(Color.WHITE);
        c.setPadding(new RectangleInsets(4, 4, 4, 8));
        c.getTitle().setPaint(new Color(0x222222));
        c.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        if (c.getLegend() != null) {
            c.getLegend().setFrame(BlockBorder.NONE);
            c.getLegend().setItemFont(TICK);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
            a.setLabelPaint(new Color(0x444444));
            a.setTickLabelPaint(new Color(0x444444));
            a.setAxisLinePaint(new Color(0x999999));
        }
        return c;
    }
}
