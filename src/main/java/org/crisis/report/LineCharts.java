package org.crisis.report;

import static org.crisis.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisis.stats.Convergence;
import org.crisis.stats.KaplanMeier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines over days or replications: grievance fan charts (a median with 50 % and 90 % bands),
 * stacked level shares, Kaplan–Meier survival steps, convergence of an estimate and of its
 * interval's half-width, and any line with an interval band (a sweep's marginal effects). A
 * line or band identical to one drawn before it is dashed over it and its legend says so.
 */
final class LineCharts {
    private LineCharts() {}

    /** A line with two bands around it (e.g. a median with its 50 % and 90 % ranges). */
    record Band(String label, Color colour, double[] x, double[] mid, double[] innerLow, double[] innerHigh,
            double[] outerLow, double[] outerHigh) {}

    /** A line with one band (e.g. an estimate and its 95 % interval); band arrays may be null. */
    record Line(String label, Color colour, double[] x, double[] y, double[] low, double[] high, boolean dashed) {}

    // --- grievance fan charts and level shares -----------------------------------------------

    /** Fan chart: each band's median as a line, its 50 % band darker and 90 % band lighter. */
    static JFreeChart fan(String title, String xLabel, String yLabel, List<Band> bands, double lastDay) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(1f);
        int s = 0;
        List<double[]> all = new ArrayList<>();
        for (int k = 0; k < bands.size(); k++) {
            Band b = bands.get(k);
            // a band identical to an earlier one would hide it: dash its line and say so
            String same = null;
            for (int j = 0; j < k && same == null; j++) {
                same = sameBand(bands.get(j), b) ? bands.get(j).label() : null;
            }
            if (same != null) {
                b = new Band(b.label() + " (same as " + same + ")", b.colour(), b.x(), b.mid(), b.innerLow(), b.innerHigh(),
                        b.outerLow(), b.outerHigh());
            }
            all.addAll(java.util.Arrays.asList(b.mid(), b.innerLow(), b.innerHigh(), b.outerLow(), b.outerHigh()));
            boolean outer = b.outerLow() != null;
            if (outer) {
                data.addSeries(series(b.label() + " 90", b.x(), b.mid(), b.outerLow(), b.outerHigh()));
                r.setSeriesPaint(s, b.colour());
                r.setSeriesFillPaint(s, translucent(b.colour(), 0.13));
                r.setSeriesLinesVisible(s, false);
                r.setSeriesVisibleInLegend(s, false);
                s++;
            }
            data.addSeries(series(b.label(), b.x(), b.mid(), b.innerLow(), b.innerHigh()));
            r.setSeriesPaint(s, b.colour());
            r.setSeriesFillPaint(s, translucent(b.colour(), outer ? 0.28 : 0.18));
            r.setSeriesStroke(s, same != null ? DASHED : new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            s++;
        }
        NumberAxis y = numberAxis(yLabel);
        XYPlot plot = new XYPlot(data, dayAxis(xLabel, lastDay), y, r);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // later bands, and a "same as" dash, on top
        JFreeChart c = chart(title, plot, true);
        flat(c, y, constant(all.toArray(new double[0][])));
        return c;
    }

    private static final BasicStroke DASHED = new BasicStroke(2.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {7f, 5f}, 0f);
    private static boolean sameBand(Band a, Band b) {
        return close(a.x(), b.x()) && close(a.mid(), b.mid()) && close(a.innerLow(), b.innerLow())
                && close(a.innerHigh(), b.innerHigh()) && close(a.outerLow(), b.outerLow()) && close(a.outerHigh(), b.outerHigh());
    }

    private static boolean sameLine(Line a, Line b) {
        return close(a.x(), b.x()) && close(a.y(), b.y()) && close(a.low(), b.low()) && close(a.high(), b.high());
    }

    /**
     * Whether two curves would draw as one: each pair of points equal within a millionth of the
     * larger (the same interval reached by two routes differs in its last bits; a chart cannot show
     * a millionth), NaN where the other is NaN.
     */
    static boolean close(double[] a, double[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean nanA = Double.isNaN(a[i]);
            if (nanA != Double.isNaN(b[i])) {
                return false;
            }
            if (!nanA && a[i] != b[i] && !(Math.abs(a[i] - b[i]) <= 1e-6 * Math.max(Math.abs(a[i]), Math.abs(b[i])))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Share of runs at each level, stacked from SEVERED (bottom) to ALLIED (top): drawn as the
     * cumulative shares, each one filled area (no seams between days).
     */
    static JFreeChart levelShares(String title, String xLabel, int[] day, double[][] share) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
        r.setOutline(false);
        double[] cumulative = new double[day.length];
        for (RelationLevel l : RelationLevel.values()) {
            XYSeries s = new XYSeries(l.label(), false, true);
            for (int i = 0; i < day.length; i++) {
                double v = share[l.ordinal()][i];
                cumulative[i] += Double.isNaN(v) ? 0 : v;
                s.add(day[i], Math.min(1, cumulative[i]), false);
            }
            data.addSeries(s);
            r.setSeriesPaint(l.ordinal(), l.colour());
        }
        XYPlot plot = new XYPlot(data, dayAxis(xLabel, day.length == 0 ? 1 : day[day.length - 1]),
                shareAxis("share of runs"), r);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
        JFreeChart c = chart(title, plot, true);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return c;
    }

    // --- lines with bands: survival, convergence, marginal effects -------------------------------

    static JFreeChart lines(String title, String xLabel, NumberAxis y, List<Line> lines, double xMax, boolean shapes) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, shapes);
        r.setAlpha(1f);
        List<double[]> all = new ArrayList<>();
        for (int s = 0; s < lines.size(); s++) {
            Line l = lines.get(s);
            // a line identical to an earlier one would hide it: draw it dashed over it and say so
            String same = null;
            for (int j = 0; j < s && same == null; j++) {
                same = sameLine(lines.get(j), l) ? lines.get(j).label() : null;
            }
            String label = same == null || l.label().isEmpty() ? l.label() : l.label() + " (same as " + same + ")";
            all.addAll(java.util.Arrays.asList(l.y(), l.low(), l.high()));
            data.addSeries(series(label, l.x(), l.y(), l.low() == null ? l.y() : l.low(), l.high() == null ? l.y() : l.high()));
            r.setSeriesPaint(s, l.colour());
            r.setSeriesFillPaint(s, translucent(l.colour(), l.low() == null ? 0 : 0.16));
            r.setSeriesStroke(s, same != null ? DASHED : l.dashed()
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f)
                    : new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        if (!Double.isNaN(xMax)) {
            x.setRange(0, Math.max(1, xMax));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // a "same as" dash over the line it matches
        JFreeChart c = chart(title, plot, lines.size() > 1 || !lines.isEmpty() && !lines.get(0).label().isEmpty());
        flat(c, y, constant(all.toArray(new double[0][])));
        return c;
    }

    /** Kaplan–Meier curves: share of runs in which the event has not yet happened, by day. */
    static JFreeChart survival(String title, String xLabel, List<Line> curves, double horizon) {
        return lines(title, xLabel, shareAxis("runs without the event"), curves, horizon, false);
    }

    static Line survivalLine(String label, Color colour, KaplanMeier km, double horizon, boolean band, boolean dashed) {
        double[][] s = km.steps(horizon);
        return new Line(label, colour, s[0], s[1], band ? s[2] : null, band ? s[3] : null, dashed);
    }

    /** Running estimate with its 95 % interval, and the stated precision around the final value (dashed). */
    static JFreeChart convergence(Convergence c, String title) {
        double[] x = new double[c.checkpoints().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.checkpoints()[i];
        }
        NumberAxis y = c.share() ? shareAxis("share of runs") : numberAxis("mean");
        // the first tenth of the replications have wide intervals; scale to the rest
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = x.length / 10; i < x.length; i++) {
            lo = Math.min(lo, c.low()[i]);
            hi = Math.max(hi, c.high()[i]);
        }
        if (!Double.isNaN(c.finalMean())) {
            lo = Math.min(lo, c.finalMean() - c.targetHalfWidth());
            hi = Math.max(hi, c.finalMean() + c.targetHalfWidth());
        }
        if (lo < hi) {
            double pad = Math.max(c.share() ? 0.02 : (hi - lo) * 0.05, (hi - lo) * 0.08);
            y.setRange(c.share() ? Math.max(0, lo - pad) : lo - pad, c.share() ? Math.min(1.0001, hi + pad) : hi + pad);
        }
        JFreeChart chart = lines(title, "replications", y,
                List.of(new Line("", colour(0), x, c.mean(), c.low(), c.high(), false)), c.n(), false);
        chart.removeLegend();
        XYPlot plot = chart.getXYPlot();
        if (!Double.isNaN(c.finalMean())) {
            BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f);
            plot.addRangeMarker(new ValueMarker(c.finalMean() - c.targetHalfWidth(), new Color(0x777777), dashed));
            plot.addRangeMarker(new ValueMarker(c.finalMean() + c.targetHalfWidth(), new Color(0x777777), dashed));
        }
        return chart;
    }

    /**
     * The 95 % half-width of each estimate as replications accumulate, against the stated
     * precision (dashed): absolute for shares, relative to the running mean for numbers.
     */
    static JFreeChart halfWidths(String title, List<Convergence> all, List<String> labels, boolean relative, double target) {
        List<Line> lines = halfWidthLines(all, labels, relative);
        double xMax = 1;
        double yMax = target * 1.5;
        for (int k = 0; k < all.size(); k++) {
            double[] y = lines.get(k).y();
            for (int i = y.length / 10; i < y.length; i++) {
                if (!Double.isNaN(y[i]) && !Double.isInfinite(y[i])) {
                    yMax = Math.max(yMax, y[i]);
                }
            }
            xMax = Math.max(xMax, all.get(k).n());
        }
        NumberAxis yAxis = new NumberAxis(relative ? "half-width / mean" : "half-width");
        yAxis.setRange(0, yMax * 1.08);
        if (relative) {
            yAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        }
        JFreeChart chart = lines(title, "replications", yAxis, lines, xMax, false);
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f);
        ValueMarker m = new ValueMarker(target, new Color(0x444444), dashed);
        m.setLabel("wanted");
        m.setLabelFont(TICK);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelPaint(new Color(0x444444));
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        chart.getXYPlot().addRangeMarker(m);
        return chart;
    }

    /** The half-widths {@link #halfWidths} draws: one line per estimate, absolute or relative to the running mean. */
    static List<Line> halfWidthLines(List<Convergence> all, List<String> labels, boolean relative) {
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Convergence c = all.get(k);
            int m = c.checkpoints().length;
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = c.checkpoints()[i];
                double half = (c.high()[i] - c.low()[i]) / 2;
                y[i] = relative ? half / (Double.isNaN(c.scale()) ? Math.abs(c.mean()[i]) : c.scale()) : half;
            }
            lines.add(new Line(labels.get(k), colour(k), x, y, null, null, false));
        }
        return lines;
    }

    /** The running estimate {@link #convergence} draws, with its 95 % interval. */
    static Line convergenceLine(Convergence c) {
        double[] x = new double[c.checkpoints().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.checkpoints()[i];
        }
        return new Line("estimate", colour(0), x, c.mean(), c.low(), c.high(), false);
    }

    // --- helpers ----------------------------------------------------------------------------

    private static YIntervalSeries series(String key, double[] x, double[] y, double[] lo, double[] hi) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(y[i]) || Double.isNaN(lo[i]) || Double.isNaN(hi[i])) {
                continue;
            }
            s.add(new org.jfree.data.xy.YIntervalDataItem(x[i], y[i], lo[i], hi[i]), false);
        }
        s.fireSeriesChanged();
        return s;
    }
}
