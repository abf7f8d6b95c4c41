package org.crisis.report;

import static org.crisis.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The events of one run on a time line, a row per tracked pair, with lines from each cause to its response. */
final class TimelineChart {
    private TimelineChart() {}

    /** One plotted event of the timeline. */
    record Mark(long id, double day, int row, int kind, long cause) {}

    static final String[] MARK_KINDS = {"scripted trigger", "escalation", "reconciliation",
        "other cooperative move", "other event"};
    private static final int[] DRAW_ORDER = {0, 4, 3, 2, 1};
    static final Color[] MARK_COLOURS = {new Color(0x222222), RUPTURE, RESTORATION, new Color(0x0072B2),
        new Color(0x999999)};

    /** Events by day on rows (one per pair), coloured by kind, with grey lines from each cause to its response. */
    static JFreeChart timeline(String title, String xLabel, String[] rows, List<Mark> marks, double lastDay) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[MARK_KINDS.length];
        for (int k = 0; k < MARK_KINDS.length; k++) {
            series[k] = new XYSeries(MARK_KINDS[k], false, true);
        }
        // an event may stand on several rows (each pair it concerns): a response is joined to its cause on its own row if
        // the cause is there, else to the cause's first row
        Map<Long, List<Mark>> byId = new java.util.HashMap<>();
        for (Mark m : marks) {
            series[m.kind()].add(m.day(), m.row());
            byId.computeIfAbsent(m.id(), k -> new java.util.ArrayList<>()).add(m);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int s = 0;
        // drawn in this order, each kind over the ones before: the scripted triggers' squares, then the other events and
        // cooperative moves (third parties' statements are many), then reconciliations, and the escalations on top
        for (int k : DRAW_ORDER) {
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
        // the scripted triggers' squares first, under the moves of the same day, which would otherwise hide beneath them
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        JFreeChart chart = chart(title, plot, true);
        BasicStroke thin = new BasicStroke(0.7f);
        Color link = new Color(0xB0B0B0);
        for (Mark m : marks) {
            List<Mark> causes = byId.getOrDefault(m.cause(), List.of());
            Mark c = causes.stream().filter(x -> x.row() == m.row()).findFirst().orElse(causes.isEmpty() ? null : causes.get(0));
            if (c != null && c != m && m.cause() != m.id()) {
                plot.addAnnotation(new XYLineAnnotation(c.day(), c.row(), m.day(), m.row(), thin, link));
            }
        }
        return chart;
    }
}
