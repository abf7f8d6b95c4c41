package org.crisis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisis.stats.Convergence;
import org.crisis.stats.KaplanMeier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, built with JFreeChart in one plain style: white ground, light grid,
 * the level colours of {@link RelationLevel}, and a colour per series from {@link #PALETTE}.
 */
final class Charts {
    /** Colours for run sets and directions (colour-blind-safe, after Okabe and Ito). */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xE69F00), new Color(0x000000), new Color(0xF0E442)};
    static final Color DOWNGRADE = RelationLevel.DOWNGRADED.colour();
    static final Color RUPTURE = RelationLevel.SEVERED.colour();
    static final Color RESTORATION = RelationLevel.ALLIED.colour();
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    private static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    private static final Color GRID = new Color(0xE3E3E3);

    private Charts() {}

    static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }

    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** A line with two bands around it (e.g. a median with its 50 % and 90 % ranges). */
    record Band(String label, Color colour, double[] x, double[] mid, double[] innerLow, double[] innerHigh,
            double[] outerLow, double[] outerHigh) {}

    /** A line with one band (e.g. an estimate and its 95 % interval); band arrays may be null. */
    record Line(String label, Color colour, double[] x, double[] y, double[] low, double[] high, boolean dashed) {}

    // --- shared styling -------------------------------------------------------------------

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

    private static void style(JFreeChart c) {
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

    private static void axis(ValueAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(new Color(0x444444));
        a.setTickLabelPaint(new Color(0x444444));
        a.setAxisLinePaint(new Color(0x999999));
        a.setTickMarkPaint(new Color(0x999999));
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static NumberAxis dayAxis(String label, double last) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(0, Math.max(1, last));
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }

    private static NumberAxis shareAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(0, 1.0001);
        a.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        return a;
    }

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
        JFreeChart c = chart(title, plot, true);
        flat(c, y, constant(all.toArray(new double[0][])));
        return c;
    }

    private static final BasicStroke DASHED = new BasicStroke(2.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {7f, 5f}, 0f);

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

    /** The words for an outcome that never varies: {@code constant: 0 in all runs}. */
    static String constantText(double v, boolean share) {
        return "constant: " + (share ? Format.percent(v) : Format.number(v)) + " in all runs";
    }

    /**
     * A chart whose values are all one number would get an axis of zero height, which JFreeChart
     * labels with ticks such as 5E-9 or 9E-1 9E-1: give the axis a plain range around the value
     * and say in a subtitle that it is constant. Axes with a range set by the caller are kept.
     */
    private static void flat(JFreeChart c, NumberAxis y, double v) {
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

    private static boolean sameBand(Band a, Band b) {
        return java.util.Arrays.equals(a.x(), b.x()) && java.util.Arrays.equals(a.mid(), b.mid())
                && java.util.Arrays.equals(a.innerLow(), b.innerLow()) && java.util.Arrays.equals(a.innerHigh(), b.innerHigh())
                && java.util.Arrays.equals(a.outerLow(), b.outerLow()) && java.util.Arrays.equals(a.outerHigh(), b.outerHigh());
    }

    private static boolean sameLine(Line a, Line b) {
        return java.util.Arrays.equals(a.x(), b.x()) && java.util.Arrays.equals(a.y(), b.y())
                && java.util.Arrays.equals(a.low(), b.low()) && java.util.Arrays.equals(a.high(), b.high());
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
        List<Line> lines = new ArrayList<>();
        double xMax = 1;
        double yMax = target * 1.5;
        for (int k = 0; k < all.size(); k++) {
            Convergence c = all.get(k);
            int m = c.checkpoints().length;
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = c.checkpoints()[i];
                double half = (c.high()[i] - c.low()[i]) / 2;
                y[i] = relative ? half / Math.abs(c.mean()[i]) : half;
                if (i >= m / 10 && !Double.isNaN(y[i]) && !Double.isInfinite(y[i])) {
                    yMax = Math.max(yMax, y[i]);
                }
            }
            xMax = Math.max(xMax, c.n());
            lines.add(new Line(labels.get(k), colour(k), x, y, null, null, false));
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

    // --- heat map ---------------------------------------------------------------------------

    /** Cells of a grid of two parameters' bins, coloured by a value; values printed in small grids. */
    static JFreeChart heatMap(String title, String xLabel, String[] xBins, String yLabel, String[] yBins,
            double[][] value, boolean share, String valueLabel) {
        if (xBins.length == 0 || yBins.length == 0) {
            // a factor without any value (every cell empty): one empty cell rather than an axis of no length
            xBins = xBins.length == 0 ? new String[] {"(none)"} : xBins;
            yBins = yBins.length == 0 ? new String[] {"(none)"} : yBins;
            value = new double[xBins.length][yBins.length];
            for (double[] row : value) {
                java.util.Arrays.fill(row, Double.NaN);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        int cells = xBins.length * yBins.length;
        double[][] xyz = new double[3][cells];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int i = 0; i < xBins.length; i++) {
            for (int j = 0; j < yBins.length; j++) {
                xyz[0][k] = i;
                xyz[1][k] = j;
                xyz[2][k] = value[i][j];
                if (!Double.isNaN(value[i][j])) {
                    min = Math.min(min, value[i][j]);
                    max = Math.max(max, value[i][j]);
                }
                k++;
            }
        }
        if (share) {
            min = 0;
            max = 1;
        } else if (!(min < max)) {
            min = Double.isInfinite(min) ? 0 : min - 0.5;
            max = Double.isInfinite(max) ? 1 : max + 0.5;
        }
        data.addSeries("cells", xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        Sequential scale = new Sequential(min, max);
        r.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(xLabel, xBins);
        SymbolAxis y = new SymbolAxis(yLabel, yBins);
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        int longest = 0;
        for (String b : xBins) {
            longest = Math.max(longest, b.length());
        }
        x.setVerticalTickLabels(xBins.length > 8 || xBins.length > 3 && longest > 6);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = chart(title, plot, false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        x.setRange(-0.5, xBins.length - 0.5);
        y.setRange(-0.5, yBins.length - 0.5);
        if (cells <= 144) {
            Font f = new Font("SansSerif", Font.PLAIN, cells <= 36 ? 11 : 9);
            for (int i = 0; i < xBins.length; i++) {
                for (int j = 0; j < yBins.length; j++) {
                    double v = value[i][j];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    XYTextAnnotation a = new XYTextAnnotation(share ? Format.percent(v).replace(".0\u00a0%", "\u00a0%") : Format.number(v), i, j);
                    a.setFont(f);
                    a.setPaint(scale.lightness(v) < 0.5 ? Color.WHITE : new Color(0x222222));
                    plot.addAnnotation(a);
                }
            }
        }
        NumberAxis legendAxis = new NumberAxis(valueLabel);
        legendAxis.setRange(min, max);
        legendAxis.setTickLabelFont(TICK);
        legendAxis.setLabelFont(TICK);
        if (share) {
            legendAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        }
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(4, 10, 4, 4));
        legend.setStripWidth(12);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /** A perceptually ordered colour ramp (viridis, 6 stops); NaN white. */
    static final class Sequential implements PaintScale {
        private static final Color[] STOPS = {new Color(0x440154), new Color(0x414487), new Color(0x2A788E),
            new Color(0x22A884), new Color(0x7AD151), new Color(0xFDE725)};
        private final double low;
        private final double high;

        Sequential(double low, double high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return Color.WHITE;
            }
            double t = Math.max(0, Math.min(1, (v - low) / (high - low))) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) Math.floor(t));
            double f = t - i;
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }

        double lightness(double v) {
            Color c = (Color) getPaint(v);
            return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        }
    }

    // --- bars with intervals (sensitivity indices) ------------------------------------------------

    /** Horizontal bars per category and series, with whiskers from {@code low} to {@code high} where given. */
    static JFreeChart bars(String title, String valueLabel, List<String> series, List<String> categories,
            double[][] value, double[][] low, double[][] high) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                data.addValue(Double.isNaN(value[s][c]) ? null : value[s][c], series.get(s), categories.get(c));
            }
        }
        WhiskerBarRenderer r = new WhiskerBarRenderer(low, high);
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.05);
        for (int s = 0; s < series.size(); s++) {
            r.setSeriesPaint(s, colour(s));
        }
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(TICK);
        x.setCategoryMargin(0.25);
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis y = new NumberAxis(valueLabel);
        y.setLabelFont(LABEL);
        y.setTickLabelFont(TICK);
        double min = 0;
        double max = 0;
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                for (double v : new double[] {value[s][c], low == null ? Double.NaN : low[s][c], high == null ? Double.NaN : high[s][c]}) {
                    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        double pad = Math.max(0.02, (max - min) * 0.05);
        y.setRange(min < 0 ? min - pad : 0, max + pad);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.addRangeMarker(new ValueMarker(0, new Color(0x999999), new BasicStroke(1f)));
        JFreeChart c = new JFreeChart(title, TITLE, plot, series.size() > 1);
        style(c);
        return c;
    }

    /** A bar renderer that adds an interval whisker to each bar. */
    static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final double[][] low;
        private final double[][] high;

        WhiskerBarRenderer(double[][] low, double[][] high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (pass != 0 || low == null || high == null || row >= low.length || column >= low[row].length) {
                return;
            }
            double lo = low[row][column];
            double hi = high[row][column];
            if (Double.isNaN(lo) || Double.isNaN(hi)) {
                return;
            }
            int visible = state.getVisibleSeriesIndex(row);
            if (visible < 0) {
                return;
            }
            PlotOrientation o = plot.getOrientation();
            double w0 = calculateBarW0(plot, o, dataArea, domainAxis, state, visible, column);
            double mid = w0 + state.getBarWidth() / 2;
            RectangleEdge edge = plot.getRangeAxisEdge();
            double v0 = rangeAxis.valueToJava2D(lo, dataArea, edge);
            double v1 = rangeAxis.valueToJava2D(hi, dataArea, edge);
            double cap = Math.min(4, state.getBarWidth() / 3);
            g2.setPaint(new Color(0x222222));
            g2.setStroke(new BasicStroke(1.2f));
            if (o == PlotOrientation.HORIZONTAL) {
                g2.draw(new Line2D.Double(v0, mid, v1, mid));
                g2.draw(new Line2D.Double(v0, mid - cap, v0, mid + cap));
                g2.draw(new Line2D.Double(v1, mid - cap, v1, mid + cap));
            } else {
                g2.draw(new Line2D.Double(mid, v0, mid, v1));
                g2.draw(new Line2D.Double(mid - cap, v0, mid + cap, v0));
                g2.draw(new Line2D.Double(mid - cap, v1, mid + cap, v1));
            }
        }
    }

    // --- event timeline ---------------------------------------------------------------------

    /** One plotted event of the timeline. */
    record Mark(long id, double day, int row, int kind, long cause) {}

    static final String[] MARK_KINDS = {"scripted trigger", "escalation", "reconciliation",
        "other cooperative move", "other event"};
    private static final Color[] MARK_COLOURS = {new Color(0x222222), RUPTURE, RESTORATION, new Color(0x0072B2),
        new Color(0x999999)};

    /** Events by day on rows (one per pair), coloured by kind, with grey lines from each cause to its response. */
    static JFreeChart timeline(String title, String xLabel, String[] rows, List<Mark> marks, double lastDay) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[MARK_KINDS.length];
        for (int k = 0; k < MARK_KINDS.length; k++) {
            series[k] = new XYSeries(MARK_KINDS[k], false, true);
        }
        Map<Long, Mark> byId = new java.util.HashMap<>();
        for (Mark m : marks) {
            series[m.kind()].add(m.day(), m.row());
            byId.put(m.id(), m);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int s = 0;
        for (int k = 0; k < MARK_KINDS.length; k++) {
            if (series[k].getItemCount() == 0) {
                continue;
            }
            data.addSeries(series[k]);
            r.setSeriesPaint(s, MARK_COLOURS[k]);
            r.setSeriesShape(s, k == 0 ? new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8)
                    : new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
            s++;
        }
        SymbolAxis y = new SymbolAxis(null, rows);
        y.setGridBandsVisible(false);
        y.setRange(-0.6, rows.length - 0.4);
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, dayAxis(xLabel, lastDay), y, r);
        JFreeChart chart = chart(title, plot, true);
        BasicStroke thin = new BasicStroke(0.7f);
        Color link = new Color(0xB0B0B0);
        for (Mark m : marks) {
            Mark c = byId.get(m.cause());
            if (c != null && c != m) {
                plot.addAnnotation(new XYLineAnnotation(c.day(), c.row(), m.day(), m.row(), thin, link));
            }
        }
        return chart;
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
