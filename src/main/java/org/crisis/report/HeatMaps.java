package org.crisis.report;

import static org.crisis.report.ChartStyle.*;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/** Heat maps of a value over a grid of two varied values' bins, on a perceptually ordered colour ramp. */
final class HeatMaps {
    private HeatMaps() {}

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
        chart.addSubtitle(legend(scale, valueLabel, min, max, share, TICK, 12));
        return chart;
    }

    /** The colour ramp's legend on the right: {@code label}, {@code min} to {@code max}, as percentages if a share. */
    static PaintScaleLegend legend(PaintScale scale, String label, double min, double max,
            boolean share, Font font, int stripWidth) {
        NumberAxis legendAxis = new NumberAxis(label);
        legendAxis.setRange(min, max);
        legendAxis.setTickLabelFont(font);
        legendAxis.setLabelFont(font);
        if (share) {
            legendAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        }
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(4, 10, 4, 4));
        legend.setStripWidth(stripWidth);
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
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
}
