package org.crisis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.crisis.discover.Prim;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of scenario discovery: the peeling trajectory (coverage against density), and the
 * sweep's points on one or two varied values, coloured by the outcome, with a PRIM box drawn
 * over them. Also the pair plots of a sweep's report.
 */
final class DiscoveryCharts {
    /** Cases of interest: vermillion; the others: a light blue-grey (Okabe and Ito). */
    static final Color YES = new Color(0xD55E00);
    static final Color NO = new Color(0x8DA0B3);
    static final Color BOX = new Color(0x111111);
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 11);
    /** At most this many distinct values and a numeric axis is jittered (a grid's points would hide each other). */
    static final int JITTERED = 12;
    /** Points drawn at most in a scatter plot (a fixed sample beyond), so that a page of large sweeps stays light. */
    static final int MAX_POINTS = 2000;

    private DiscoveryCharts() {}

    // --- trajectory ----------------------------------------------------------------------------

    /** Coverage against density of every box of the trajectory, coloured by the restricted values, the chosen one ringed. */
    static JFreeChart trajectory(String title, List<Prim.Step> steps, int chosen) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        XYSeries path = new XYSeries("trajectory", false, true);
        for (Prim.Step s : steps) {
            path.add(s.stats().coverage(), s.stats().density(), false);
        }
        data.addSeries(path);
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, new Color(0xB8BEC6));
        r.setSeriesStroke(0, new BasicStroke(1.2f));
        r.setSeriesVisibleInLegend(0, false);
        TreeSet<Integer> counts = new TreeSet<>();
        steps.forEach(s -> counts.add(s.stats().restricted()));
        int series = 1;
        for (int k : counts) {
            for (boolean pasted : new boolean[] {false, true}) {
                XYSeries s = new XYSeries(k + " restricted" + (pasted ? ", pasted" : ""), false, true);
                for (Prim.Step step : steps) {
                    if (step.stats().restricted() == k && step.kind().equals("paste") == pasted) {
                        s.add(step.stats().coverage(), step.stats().density(), false);
                    }
                }
                if (s.getItemCount() == 0) {
                    continue;
                }
                data.addSeries(s);
                r.setSeriesPaint(series, ChartStyle.colour(k));
                r.setSeriesShape(series, pasted ? new Rectangle2D.Double(-3.5, -3.5, 7, 7) : new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                series++;
            }
        }
        NumberAxis x = shareAxis("coverage (share of all cases of interest in the box)");
        NumberAxis y = shareAxis("density (share of the box's cases of interest)");
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        Prim.Stats c = steps.get(chosen).stats();
        plot.addAnnotation(new XYShapeAnnotation(ring(x, y, c.coverage(), c.density()), new BasicStroke(1.6f), BOX));
        XYTextAnnotation label = new XYTextAnnotation("box " + chosen, c.coverage(), c.density());
        label.setFont(SMALL);
        label.setPaint(BOX);
        // beside the ring, on the side with room: left of it when it is on the right half, below it near the top
        boolean right = c.coverage() > 0.5;
        boolean top = c.density() > 0.9;
        label.setTextAnchor(top ? (right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT)
                : (right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
        label.setX(c.coverage() + (right ? -0.025 : 0.025));
        label.setY(c.density() + (top ? -0.035 : 0.035));
        plot.addAnnotation(label);
        return chart;
    }

    /** A small circle around a point, in data units of axes that both span [0, 1]. */
    private static Ellipse2D ring(NumberAxis x, NumberAxis y, double cx, double cy) {
        double rx = 0.022 * x.getRange().getLength();
        double ry = 0.03 * y.getRange().getLength();
        return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
    }

    private static NumberAxis shareAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(-0.02, 1.04);
        a.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        return a;
    }

    // --- scatter plots ------------------------------------------------------------------------

    /**
     * One axis of a scatter plot: a varied value's label, the position of each case on it, and
     * the half-width of the jitter that keeps points sharing a setting apart (0 for continuous
     * values). A categorical value is drawn at its categories' indices; a number with few
     * settings (a grid: at most {@link #JITTERED}) at the indices of its settings ({@code levels}),
     * labelled with them, so that jitter never shows values the sweep did not run.
     */
    record Axis(String label, double[] values, List<String> categories, double jitter, double[] levels) {
        /** An axis of a varied value: {@code values} are numbers, or category indices when {@code categories} is given. */
        static Axis of(String label, double[] values, List<String> categories) {
            if (categories != null) {
                return new Axis(label, values, categories, 0.25, null);
            }
            TreeSet<Double> distinct = new TreeSet<>();
            for (double v : values) {
                if (Double.isFinite(v)) {
                    distinct.add(v);
                }
            }
            if (distinct.isEmpty() || distinct.size() > JITTERED) {
                return new Axis(label, values, null, 0, null);
            }
            double[] levels = distinct.stream().mapToDouble(Double::doubleValue).toArray();
            double[] index = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                index[i] = Double.isFinite(values[i]) ? Arrays.binarySearch(levels, values[i]) : Double.NaN;
            }
            List<String> labels = Arrays.stream(levels).mapToObj(Discovery::exact).toList();
            return new Axis(label, index, labels, 0.25, levels);
        }

        /** A plain numeric axis (no jitter): the share or mean of the outcome. */
        static Axis plain(String label, double[] values) {
            return new Axis(label, values, null, 0, null);
        }

        double min() {
            if (categories != null) {
                return -0.5;
            }
            double m = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    m = Math.min(m, v);
                }
            }
            return m - pad();
        }

        double max() {
            if (categories != null) {
                return categories.size() - 0.5;
            }
            double m = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, v);
                }
            }
            return m + pad();
        }

        private double pad() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            double span = hi - lo;
            return Math.max(jitter * 1.4, span > 0 ? 0.04 * span : Math.max(0.5, Math.abs(hi) * 0.1));
        }

        ValueAxis axis() {
            ValueAxis a;
            if (categories != null) {
                SymbolAxis s = new SymbolAxis(label, categories.toArray(String[]::new));
                s.setGridBandsVisible(false);
                a = s;
            } else {
                NumberAxis n = new NumberAxis(label);
                n.setAutoRangeIncludesZero(false);
                a = n;
            }
            a.setRange(min(), max());
            return a;
        }

        /** The drawn position of case {@code i} (with the point's id fixing its jitter). */
        double position(int i, int id, int salt) {
            if (jitter == 0) {
                return values[i];
            }
            long h = (id + 1) * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 31;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
            double u = ((h >>> 11) * 0x1.0p-53) * 2 - 1;
            return values[i] + u * jitter;
        }
    }

    /**
     * How points are coloured: by a yes/no per case ({@code yes}, with the two legend labels),
     * or by a number on a colour ramp ({@code colour}, a share in [0, 1] when {@code share}).
     */
    record Colours(boolean[] yes, String yesLabel, String noLabel, double[] colour, boolean share, String colourLabel) {
        static Colours binary(boolean[] yes, String yesLabel, String noLabel) {
            return new Colours(yes, yesLabel, noLabel, null, false, null);
        }

        static Colours ramp(double[] colour, boolean share, String label) {
            return new Colours(null, null, null, colour, share, label);
        }
    }

    /**
     * The cases on two axes (y null: on one axis, against {@code yValues}), coloured, with boxes
     * drawn over them: each box is a rectangle in data units (use {@link #spans}).
     */
    static JFreeChart scatter(String title, Axis x, Axis y, int[] ids, Colours colours, List<Rectangle2D> boxes,
            ValueMarker marker) {
        ValueAxis xa = x.axis();
        ValueAxis ya = y.axis();
        XYPlot plot;
        int n = ids.length;
        if (colours.yes() != null) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYSeries no = new XYSeries(colours.noLabel(), false, true);
            XYSeries yes = new XYSeries(colours.yesLabel(), false, true);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x.values()[i]) || !Double.isFinite(y.values()[i])) {
                    continue;
                }
                (colours.yes()[i] ? yes : no).add(x.position(i, ids[i], 1), y.position(i, ids[i], 2), false);
            }
            data.addSeries(no);
            data.addSeries(yes);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
            r.setSeriesPaint(0, NO);
            r.setSeriesPaint(1, YES);
            r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            plot = new XYPlot(data, xa, ya, r);
        } else {
            DefaultXYZDataset data = new DefaultXYZDataset();
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(x.values()[i]) && Double.isFinite(y.values()[i]) && Double.isFinite(colours.colour()[i])) {
                    m++;
                }
            }
            double[][] xyz = new double[3][m];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(x.values()[i]) && Double.isFinite(y.values()[i]) && Double.isFinite(colours.colour()[i])) {
                    xyz[0][k] = x.position(i, ids[i], 1);
                    xyz[1][k] = y.position(i, ids[i], 2);
                    xyz[2][k] = colours.colour()[i];
                    lo = Math.min(lo, xyz[2][k]);
                    hi = Math.max(hi, xyz[2][k]);
                    k++;
                }
            }
            if (colours.share()) {
                lo = 0;
                hi = 1;
            } else if (!(lo < hi)) {
                lo = Double.isFinite(lo) ? lo - 0.5 : 0;
                hi = Double.isFinite(hi) ? hi + 0.5 : 1;
            }
            data.addSeries("cases", xyz);
            XYShapeRenderer r = new XYShapeRenderer();
            HeatMaps.Sequential scale = new HeatMaps.Sequential(lo, hi);
            r.setPaintScale(scale);
            r.setDefaultShape(new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            r.setDrawOutlines(true);
            r.setUseOutlinePaint(true);
            r.setDefaultOutlinePaint(new Color(255, 255, 255, 160));
            r.setDefaultOutlineStroke(new BasicStroke(0.6f));
            plot = new XYPlot(data, xa, ya, r);
            JFreeChart chart = ChartStyle.chart(title, plot, false);
            chart.addSubtitle(HeatMaps.legend(scale, colours.colourLabel(), lo, hi, colours.share(), SMALL, 10));
            return finish(chart, plot, boxes, marker);
        }
        return finish(ChartStyle.chart(title, plot, true), plot, boxes, marker);
    }

    private static JFreeChart finish(JFreeChart chart, XYPlot plot, List<Rectangle2D> boxes, ValueMarker marker) {
        plot.setDomainGridlinesVisible(false);
        BasicStroke stroke = new BasicStroke(2f);
        for (Rectangle2D b : boxes) {
            plot.addAnnotation(new XYShapeAnnotation(b, stroke, BOX, new Color(0, 0, 0, 18)));
        }
        if (marker != null) {
            plot.addRangeMarker(marker);
        }
        return chart;
    }

    /**
     * The spans of a box on one axis, in the axis's units: from the lower to the upper limit of a
     * continuous value; around the settings of a grid value or the runs of consecutive categories
     * kept, wide enough that their jittered points fall inside.
     */
    static List<double[]> spans(Axis axis, double lower, double upper, boolean[] kept) {
        if (axis.levels() != null) {
            double[] l = axis.levels();
            int lo = 0;
            while (lo < l.length - 1 && l[lo] < lower - 1e-12) {
                lo++;
            }
            int hi = l.length - 1;
            while (hi > 0 && l[hi] > upper + 1e-12) {
                hi--;
            }
            return List.of(new double[] {lo - 0.42, hi + 0.42});
        }
        if (axis.categories() != null) {
            List<double[]> out = new java.util.ArrayList<>();
            int start = -1;
            for (int k = 0; k <= kept.length; k++) {
                boolean in = k < kept.length && kept[k];
                if (in && start < 0) {
                    start = k;
                } else if (!in && start >= 0) {
                    out.add(new double[] {start - 0.42, k - 1 + 0.42});
                    start = -1;
                }
            }
            return out;
        }
        return List.of(new double[] {lower, upper});
    }

    /** Every rectangle of the spans on x by the spans on y. */
    static List<Rectangle2D> rectangles(List<double[]> xs, List<double[]> ys) {
        List<Rectangle2D> out = new java.util.ArrayList<>();
        for (double[] a : xs) {
            for (double[] b : ys) {
                out.add(new Rectangle2D.Double(a[0], b[0], a[1] - a[0], b[1] - b[0]));
            }
        }
        return out;
    }

    /** A dashed horizontal line with a label (the threshold on a point's mean). */
    static ValueMarker threshold(double value, String label) {
        ValueMarker m = new ValueMarker(value, new Color(0x444444), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(new Color(0x444444));
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /**
     * The indices of the cases to draw: all when there are at most {@code max}, else the {@code max}
     * whose point ids come first in a fixed pseudo-random order, in their original order.
     */
    static int[] sample(int[] ids, int max) {
        Integer[] idx = new Integer[ids.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        if (ids.length <= max) {
            return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        }
        Arrays.sort(idx, (a, b) -> Long.compare(mix(ids[a]), mix(ids[b])));
        return Arrays.stream(idx, 0, max).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** A fixed pseudo-random order of point ids (SplitMix64's finaliser). */
    private static long mix(int id) {
        long z = (id + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
