package org.crisis.report;

import java.awt.Rectangle;
import java.awt.RenderingHints;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * Charts drawn by JFreeChart onto JFreeSVG's Graphics2D, as {@code <svg>} elements to inline
 * in the page: a viewBox and no fixed size (the page's CSS scales them), coordinates to two
 * decimals, and ids prefixed per chart so several charts can share a page.
 */
final class Svg {
    private int counter;

    /** A new SVG canvas of {@code width} × {@code height} user units. */
    SVGGraphics2D canvas(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("c" + (++counter) + "-");
        g.setGeomDoubleConverter(SVGUtils.createDoubleConverter(2));
        g.setTransformDoubleConverter(SVGUtils.createDoubleConverter(4));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        return g;
    }

    /** The finished element of a canvas. */
    String element(SVGGraphics2D g, String title) {
        String svg = g.getSVGElement("svg" + counter, false, new ViewBox(0, 0, (int) g.getWidth(), (int) g.getHeight()), null, null);
        // an accessible name for screen readers; title is escaped by JFreeSVG's own escaping rules
        int close = svg.indexOf('>');
        return svg.substring(0, close + 1) + "<title>" + SVGUtils.escapeForXML(title) + "</title>" + svg.substring(close + 1);
    }

    String render(JFreeChart chart, int width, int height, String title) {
        SVGGraphics2D g = canvas(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return element(g, title);
    }

    /**
     * A chart with what it shows on hover: the {@code <svg>} element carries the values, the
     * data area and the axis ranges as it was drawn, in a {@code data-hover} attribute the
     * page's script reads (the drawing itself is the same as without).
     */
    String render(JFreeChart chart, int width, int height, String title, ChartHover hover) {
        if (hover == null || !(chart.getPlot() instanceof XYPlot plot)) {
            return render(chart, width, height, title);
        }
        SVGGraphics2D g = canvas(width, height);
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        chart.draw(g, new Rectangle(0, 0, width, height), info);
        String svg = element(g, title);
        String json = hover.json(info.getPlotInfo().getDataArea(), plot.getDomainAxis(), plot.getRangeAxis());
        return "<svg data-hover=\"" + Html.escape(json) + "\"" + svg.substring("<svg".length());
    }
}
