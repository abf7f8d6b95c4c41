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

/**
 * Heat maps of a value over a grid of two varied values' bins, on a perceptually ordered colour ramp,
 * or of a difference on a diverging ramp centred on 0.
 */
final class HeatMaps {
    private HeatMaps() {}

    /** Cells of a grid of two parameters' bins, coloured by a value; values printed in small grids. */
    static JFreeChart heatMap(String title, String xLabel, String[] xBins, String yLabel, String[] yBins,
            double[][] value, boolean share, String valueLabel) {
        double[] range = range(value);
        double min = range[0];
        double max = range[1];
        if (share) {
            min = 0;
            max = 1;
        } else if (!(min < max)) {
            min = Double.isInfinite(min) ? 0 : min - 0.5;
            max = Double.isInfinite(max) ? 1 : max + 0.5;
        }
        return draw(title, xLabel, xBins, yLabel, yBins, value, new Sequential(min, max),
                v -> share ? Format.percent(v).replace(".0\u00a0%", "\u00a0%") : Format.number(v), share, valueLabel);
    }

    /**
     * Cells of a grid of two parameters' bins coloured by a difference, on a diverging ramp
     * centred on no difference: blue below 0, white at 0, red above, the same depth of colour for
     * the same size either way. Values are printed signed (shares in percentage points).
     */
    static JFreeChart differences(String title, String xLabel, String[] xBins, String yLabel, String[] yBins,
            double[][] value, boolean share, String valueLabel) {
        double[] range = range(value);
        double reach = Math.max(Math.abs(range[0]), Math.abs(range[1]));
        if (!(reach > 0) || Double.isInfinite(reach)) {
            reach = share ? 0.01 : 1; // no difference anywhere (or no value): a ramp around 0 all the same
        }
        return draw(title, xLabel, xBins, yLabel, yBins, value, new Diverging(reach),
                v -> share ? Format.points(v).replace(".0\u00a0pp", "").replace("\u00a0pp", "") : Format.signed(v), share, valueLabel);
    }

    /** The lowest and highest value of the cells, infinities where none has a value. */
    private static double[] range(double[][] value) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : value) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    private static JFreeChart draw(String title, String xLabel, String[] xBins, String yLabel, String[] yBins,
            double[][] value, PaintScale scale, java.util.function.DoubleFunction<String> text, boolean share, String valueLabel) {
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
        int k = 0;
        for (int i = 0; i < xBins.length; i++) {
            for (int j = 0; j < yBins.length; j++) {
                xyz[0][k] = i;
                xyz[1][k] = j;
                xyz[2][k] = value[i][j];
                k++;
            }
        }
        data.addSeries("cells", xyz);
        XYBlockRenderer r = new XYBlockRenderer();
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
                    XYTextAnnotation a = new XYTextAnnotation(text.apply(v), i, j);
                    a.setFont(f);
                    a.setPaint(lightness(scale, v) < 0.5 ? Color.WHITE : new Color(0x222222));
                    plot.addAnnotation(a);
                }
            }
        }
        chart.addSubtitle(legend(scale, valueLabel, scale.getLowerBound(), scale.getUpperBound(), share, TICK, 12));
        return chart;
    }

    /** The perceived lightness of a value's colour, 0 (black) to 1 (white): to print on it in white or in black. */
    static double lightness(PaintScale scale, double v) {
        Color c = (Color) scale.getPaint(v);
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
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

    /** The colour at {@code position} (0 to 1, clamped) along a ramp, interpolated linearly between its stops. */
    static Color along(Color[] stops, double position) {
        double t = Math.max(0, Math.min(1, position)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(t));
        double f = t - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
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
            return along(STOPS, (v - low) / (high - low));
        }

        double lightness(double v) {
            return HeatMaps.lightness(this, v);
        }
    }

    /**
     * A diverging colour ramp from −reach to +reach (ColorBrewer's RdBu, 7 stops, which readers
     * with the common colour-vision deficiencies tell apart): blue below 0, near-white at 0, red
     * above; NaN white.
     */
    static final class Diverging implements PaintScale {
        private static final Color[] STOPS = {new Color(0x2166AC), new Color(0x67A9CF), new Color(0xD1E5F0), new Color(0xF7F7F7),
            new Color(0xFDDBC7), new Color(0xEF8A62), new Color(0xB2182B)};
        private final double reach;

        Diverging(double reach) {
            this.reach = reach;
        }

        @Override
        public double getLowerBound() {
            return -reach;
        }

        @Override
        public double getUpperBound() {
            return reach;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return Color.WHITE;
            }
            return along(STOPS, (v + reach) / (2 * reach));
        }
    }
}
