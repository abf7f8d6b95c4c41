package org.crisis.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Building the report page. Every piece of text goes through {@link #escape}, so a scenario
 * name or description holding markup shows as text; only SVG from the chart renderer (which
 * escapes its own text) and the report's own markup go in raw.
 */
final class Html {
    private final StringBuilder b = new StringBuilder(1 << 20);

    /** Text made safe for element content and quoted attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    Html raw(String html) {
        b.append(html);
        return this;
    }

    Html text(String text) {
        b.append(escape(text));
        return this;
    }

    /** {@code <tag class="cls">text</tag>}, text escaped. */
    Html element(String tag, String cls, String text) {
        b.append('<').append(tag);
        if (cls != null && !cls.isEmpty()) {
            b.append(" class=\"").append(escape(cls)).append('"');
        }
        b.append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    Html heading(int level, String id, String text) {
        b.append("<h").append(level);
        if (id != null) {
            b.append(" id=\"").append(escape(id)).append('"');
        }
        b.append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    Html paragraph(String text) {
        return element("p", null, text);
    }

    /** A paragraph of a note (smaller, grey). */
    Html note(String text) {
        return element("p", "note", text);
    }

    /** A list of notes (how to read a page), each item as text. */
    Html notes(List<String> items) {
        raw("<ul class=\"note\">\n");
        for (String s : items) {
            raw("<li>").text(s).raw("</li>\n");
        }
        return raw("</ul>\n");
    }

    Html table(Cells table) {
        table.render(b);
        return this;
    }

    /**
     * A chart: inline SVG in a figure the browser test finds by {@code data-chart}, with an
     * escaped caption.
     */
    Html figure(String id, String svg, String caption, String cls) {
        b.append("<figure class=\"chart").append(cls == null ? "" : " " + escape(cls)).append("\" data-chart=\"")
                .append(escape(id)).append("\">").append(svg);
        if (caption != null && !caption.isEmpty()) {
            b.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        }
        b.append("</figure>\n");
        return this;
    }

    Html open(String tag, String cls) {
        b.append('<').append(tag);
        if (cls != null) {
            b.append(" class=\"").append(escape(cls)).append('"');
        }
        b.append(">\n");
        return this;
    }

    Html close(String tag) {
        b.append("</").append(tag).append(">\n");
        return this;
    }

    @Override
    public String toString() {
        return b.toString();
    }

    /** A table: header, rows of escaped cells; numeric cells right-aligned. */
    static final class Cells {
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> rowClasses = new ArrayList<>();
        private final boolean[] numeric;
        private final boolean[] nowrap;
        private String caption;
        private String cls;

        Cells(List<String> header, boolean... numeric) {
            this.header = List.copyOf(header);
            this.numeric = new boolean[header.size()];
            this.nowrap = new boolean[header.size()];
            for (int i = 0; i < numeric.length && i < header.size(); i++) {
                this.numeric[i] = numeric[i];
            }
        }

        /** Columns whose cells do not wrap. */
        Cells nowrap(int... columns) {
            for (int c : columns) {
                nowrap[c] = true;
            }
            return this;
        }

        /** A class for the table element, e.g. "diff" (long values wrap anywhere). */
        Cells cls(String name) {
            this.cls = name;
            return this;
        }

        Cells caption(String text) {
            this.caption = text;
            return this;
        }

        Cells row(List<String> cells) {
            return row(null, cells);
        }

        /** A row with a class, e.g. "group" for a heading row spanning the table. */
        Cells row(String cls, List<String> cells) {
            rows.add(List.copyOf(cells));
            rowClasses.add(cls);
            return this;
        }

        Cells group(String title) {
            return row("group", List.of(title));
        }

        int size() {
            return rows.size();
        }

        void render(StringBuilder b) {
            b.append("<div class=\"table\"><table").append(cls == null ? "" : " class=\"" + escape(cls) + "\"").append('>');
            if (caption != null) {
                b.append("<caption>").append(escape(caption)).append("</caption>");
            }
            b.append("<thead><tr>");
            for (int i = 0; i < header.size(); i++) {
                b.append(numeric[i] ? "<th class=\"num\">" : "<th>").append(escape(header.get(i))).append("</th>");
            }
            b.append("</tr></thead><tbody>\n");
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String cls = rowClasses.get(r);
                if ("group".equals(cls)) {
                    b.append("<tr class=\"group\"><th colspan=\"").append(header.size()).append("\">")
                            .append(escape(row.get(0))).append("</th></tr>\n");
                    continue;
                }
                b.append(cls == null ? "<tr>" : "<tr class=\"" + escape(cls) + "\">");
                for (int i = 0; i < row.size(); i++) {
                    boolean num = i < numeric.length && numeric[i];
                    boolean nw = i < nowrap.length && nowrap[i];
                    b.append(num ? "<td class=\"num\">" : nw ? "<td class=\"nowrap\">" : "<td>").append(escape(row.get(i))).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody></table></div>\n");
        }
    }
}
