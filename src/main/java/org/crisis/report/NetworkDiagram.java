package org.crisis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.svg.SVGGraphics2D;

/**
 * The regional network on one day, drawn straight onto JFreeSVG's Graphics2D: countries as
 * nodes on a circle (scenario order, clockwise from the top), one edge per pair whose level
 * is not NORMAL, coloured by level; tracked pairs drawn thicker. NORMAL pairs are left out so
 * the ruptures and alliances stand out.
 */
final class NetworkDiagram {
    static final int WIDTH = 400;
    static final int HEIGHT = 430;
    /** CORDIAL drawn a little darker than its fill colour, so that a thin line of it shows on white. */
    static final Color CORDIAL = new Color(0x6DB56D);

    private NetworkDiagram() {}

    static String render(Svg svg, String title, String subtitle, List<String> countries, Map<Pair, RelationLevel> levels,
            Set<Pair> tracked) {
        SVGGraphics2D g = svg.canvas(WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setPaint(new Color(0x222222));
        g.setFont(new Font("SansSerif", Font.BOLD, 14));
        g.drawString(title, 10, 20);
        g.setPaint(new Color(0x666666));
        g.setFont(new Font("SansSerif", Font.PLAIN, 11));
        g.drawString(subtitle, 10, 36);
        int n = countries.size();
        double cx = WIDTH / 2.0;
        double cy = 215;
        double radius = n <= 1 ? 0 : Math.min(150, 30 + 8.0 * n);
        double[] x = new double[n];
        double[] y = new double[n];
        Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
            x[i] = cx + radius * Math.cos(angle);
            y[i] = cy + radius * Math.sin(angle);
            at.put(countries.get(i), i);
        }
        // weakest levels first so ruptures are drawn on top
        RelationLevel[] order = {RelationLevel.CORDIAL, RelationLevel.ALLIED, RelationLevel.DOWNGRADED, RelationLevel.SEVERED};
        for (RelationLevel level : order) {
            for (Map.Entry<Pair, RelationLevel> e : levels.entrySet()) {
                if (e.getValue() != level) {
                    continue;
                }
                Integer i = at.get(e.getKey().a());
                Integer j = at.get(e.getKey().b());
                if (i == null || j == null) {
                    continue;
                }
                boolean track = tracked.contains(e.getKey()) || tracked.contains(new Pair(e.getKey().b(), e.getKey().a()));
                float w = (level == RelationLevel.SEVERED ? 2.4f : level == RelationLevel.DOWNGRADED ? 1.8f : 1.4f) * (track ? 1.8f : 1f);
                g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setPaint(level == RelationLevel.CORDIAL ? CORDIAL : level.colour());
                g.draw(new Line2D.Double(x[i], y[i], x[j], y[j]));
            }
        }
        Font label = new Font("SansSerif", Font.BOLD, n > 24 ? 8 : 10);
        g.setFont(label);
        FontMetrics fm = g.getFontMetrics(label);
        double r = n > 24 ? 11 : 14;
        for (int i = 0; i < n; i++) {
            Ellipse2D node = new Ellipse2D.Double(x[i] - r, y[i] - r, 2 * r, 2 * r);
            g.setPaint(Color.WHITE);
            g.fill(node);
            g.setPaint(new Color(0x555555));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(node);
            String id = countries.get(i);
            String shown = id.length() > 4 ? id.substring(0, 4) : id;
            g.setPaint(new Color(0x222222));
            g.drawString(shown, (float) (x[i] - fm.stringWidth(shown) / 2.0), (float) (y[i] + fm.getAscent() / 2.0 - 1));
        }
        // legend
        g.setFont(new Font("SansSerif", Font.PLAIN, 11));
        double lx = 12;
        double ly = HEIGHT - 14;
        for (RelationLevel level : new RelationLevel[] {RelationLevel.SEVERED, RelationLevel.DOWNGRADED,
            RelationLevel.CORDIAL, RelationLevel.ALLIED}) {
            g.setPaint(level == RelationLevel.CORDIAL ? CORDIAL : level.colour());
            g.setStroke(new BasicStroke(3f));
            g.draw(new Line2D.Double(lx, ly - 4, lx + 18, ly - 4));
            g.setPaint(new Color(0x444444));
            g.drawString(level.label(), (float) (lx + 22), (float) ly);
            lx += 26 + g.getFontMetrics().stringWidth(level.label()) + 14;
        }
        return svg.element(g, title + " " + subtitle);
    }
}
