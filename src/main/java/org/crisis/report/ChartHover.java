package org.crisis.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.ValueAxis;

/**
 * What a chart shows on hover, written beside its SVG for the page's script: for charts of
 * lines, each line's value (and its bands) at the day or replication under the pointer; for
 * charts of marks (the event timeline), the events under it. The data area and axis ranges of
 * the drawn chart let the script turn a pointer position into a value; without the script
 * the chart is unchanged.
 */
final class ChartHover {
    /** A band around a line, named as the tooltip says it ("50 %", "95 %"). */
    record Band(String name, double[] low, double[] high) {}

    /** One line: its label and colour, its points, and any bands around it. */
    record Series(String label, Color colour, double[] x, double[] y, List<Band> bands) {}

    /** One mark at ({@code x}, {@code y}) in data units, with the lines of text it shows. */
    record Mark(double x, double y, Color colour, String text) {}

    private final String xName;
    private final String start;
    private final boolean percent;
    private final boolean steps;
    private final List<Series> series;
    private final List<Mark> marks;

    private ChartHover(String xName, String start, boolean percent, boolean steps, List<Series> series, List<Mark> marks) {
        this.xName = xName;
        this.start = start == null ? "" : start;
        this.percent = percent;
        this.steps = steps;
        this.series = List.copyOf(series);
        this.marks = List.copyOf(marks);
    }

    /**
     * Lines over {@code xName} ("day", "replications"): on hover, each line's value at the
     * point nearest the pointer, or with {@code steps} the value of the step the pointer is on
     * (survival curves); {@code start}, the date of day 0 or empty, adds the calendar date.
     */
    static ChartHover lines(String xName, String start, boolean percent, boolean steps, List<Series> series) {
        return new ChartHover(xName, start, percent, steps, series, List.of());
    }

    static ChartHover marks(String xName, String start, List<Mark> marks) {
        return new ChartHover(xName, start, false, false, List.of(), marks);
    }

    /** Fan chart bands: the median, its 50 % band and its 90 % band. */
    static ChartHover fan(String start, List<LineCharts.Band> bands) {
        List<Series> s = new ArrayList<>();
        for (LineCharts.Band b : bands) {
            List<Band> around = new ArrayList<>();
            around.add(new Band("50 %", b.innerLow(), b.innerHigh()));
            if (b.outerLow() != null) {
                around.add(new Band("90 %", b.outerLow(), b.outerHigh()));
            }
            s.add(new Series(b.label() + ", median", b.colour(), b.x(), b.mid(), around));
        }
        return lines("day", start, false, false, s);
    }

    /** Lines with an optional band each (named {@code band}, e.g. "95 %"). */
    static ChartHover of(String xName, String start, boolean percent, boolean steps, List<LineCharts.Line> lines, String band) {
        List<Series> s = new ArrayList<>();
        for (LineCharts.Line l : lines) {
            s.add(new Series(l.label(), l.colour(), l.x(), l.y(),
                    l.low() == null ? List.of() : List.of(new Band(band, l.low(), l.high()))));
        }
        return lines(xName, start, percent, steps, s);
    }

    /** Kaplan–Meier curves: the share of runs still without each event, on the step under the pointer, with its 95 % band. */
    static ChartHover survival(String start, List<LineCharts.Line> curves) {
        List<LineCharts.Line> named = new ArrayList<>();
        for (LineCharts.Line l : curves) {
            named.add(new LineCharts.Line("without " + l.label() + " yet", l.colour(), l.x(), l.y(), l.low(), l.high(), l.dashed()));
        }
        return of("day", start, true, true, named, "95 %");
    }

    /** The share of runs at each level on each day (not the stacked sums the chart draws), ALLIED first as in the stack. */
    static ChartHover levelShares(String start, int[] day, double[][] share) {
        double[] x = new double[day.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = day[i];
        }
        List<Series> s = new ArrayList<>();
        RelationLevel[] levels = RelationLevel.values();
        for (int l = levels.length - 1; l >= 0; l--) {
            s.add(new Series(levels[l].label(), levels[l].colour(), x, share[l], List.of()));
        }
        return lines("day", start, true, false, s);
    }

    /**
     * The JSON the script reads: the data area in SVG units ({@code a}: x, y, width, height),
     * the axes' ranges ({@code x}, {@code y}: lower, upper, 1 if inverted), what the x axis
     * counts, the date of day 0, whether values are shares, then the lines or the marks.
     */
    String json(Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis) {
        JsonText j = new JsonText().object();
        j.key("a").array().number(area.getX(), 6).number(area.getY(), 6).number(area.getWidth(), 6)
                .number(area.getHeight(), 6).end();
        j.key("x").array().number(xAxis.getLowerBound(), 8).number(xAxis.getUpperBound(), 8).number(xAxis.isInverted() ? 1 : 0).end();
        j.key("y").array().number(yAxis.getLowerBound(), 8).number(yAxis.getUpperBound(), 8).number(yAxis.isInverted() ? 1 : 0).end();
        j.key("xn").string(xName).key("start").string(start).key("pct").bool(percent).key("steps").bool(steps);
        if (!series.isEmpty()) {
            j.key("s").array();
            double[] shared = null;
            for (Series s : series) {
                j.object().key("l").string(s.label()).key("c").string(hex(s.colour()));
                // days are the same for every line of most charts: written once, as "d"
                if (shared == null || !java.util.Arrays.equals(shared, s.x())) {
                    j.key("x").numbers(s.x(), 8);
                    shared = s.x();
                }
                j.key("y").numbers(s.y(), 5);
                if (!s.bands().isEmpty()) {
                    j.key("b").array();
                    for (Band b : s.bands()) {
                        j.object().key("n").string(b.name()).key("lo").numbers(b.low(), 5).key("hi").numbers(b.high(), 5).end();
                    }
                    j.end();
                }
                j.end();
            }
            j.end();
        }
        if (!marks.isEmpty()) {
            j.key("m").array();
            for (Mark m : marks) {
                j.array().number(m.x(), 8).number(m.y(), 8).string(hex(m.colour())).string(m.text()).end();
            }
            j.end();
        }
        return j.end().toString();
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
