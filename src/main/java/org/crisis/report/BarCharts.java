package org.crisis.report;

import static org.crisis.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/** Horizontal bars with interval whiskers (sensitivity indices of a sweep). */
final class BarCharts {
    private BarCharts() {}

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
}
