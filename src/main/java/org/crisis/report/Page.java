package org.crisis.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML document around the report's sections: one self-contained file with its style
 * inlined and no network access. A page without {@link #script} runs no script at all; a page
 * with one (the run-set report's replay and chart hover) holds exactly that script inline,
 * and its content security policy allows that script alone, by the SHA-256 of its text
 * computed as the page is written: any other script, inline or fetched, and any request
 * leaving the page are refused by the browser. Data for the script sits in
 * {@code <script type="application/json">} elements (not run; {@link JsonText} keeps scenario
 * text from closing them). The page reads the same without the script.
 */
final class Page {
    private static final String STYLE = """
            :root{--ink:#1f2328;--muted:#5f6670;--rule:#d8dce0;--soft:#f4f5f7;--accent:#0072B2}
            *{box-sizing:border-box}
            html{background:#eef0f2}
            body{margin:0;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
            main{max-width:1200px;margin:0 auto;padding:28px 36px 48px;background:#fff;min-height:100vh}
            header.top{border-bottom:3px solid var(--accent);padding-bottom:10px;margin-bottom:8px}
            .kicker{text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:var(--muted);margin:0}
            h1{font-size:26px;margin:2px 0 6px;line-height:1.2}
            h2{font-size:19px;margin:38px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--rule)}
            h3{font-size:16px;margin:26px 0 8px}
            p{margin:6px 0 10px;max-width:78em}
            .lead{font-size:15px}
            .note{color:var(--muted);font-size:12.5px}
            .description{white-space:pre-line;background:var(--soft);border-left:3px solid var(--rule);padding:8px 12px;margin:8px 0 12px;font-size:13px;max-height:none}
            nav.toc{font-size:13px;margin:10px 0 4px;padding:8px 12px;background:var(--soft);border-radius:4px}
            nav.toc a{color:var(--accent);text-decoration:none;margin-right:14px;white-space:nowrap}
            .grid2{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px;margin:8px 0}
            .grid3{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:12px;margin:8px 0}
            figure.chart{margin:0;border:1px solid #e6e8eb;border-radius:4px;padding:6px;background:#fff;break-inside:avoid;page-break-inside:avoid}
            figure.chart svg{display:block;width:100%;height:auto}
            figure.chart.narrow{max-width:640px}
            figcaption{font-size:12px;color:var(--muted);padding:4px 4px 0}
            div.table{overflow-x:auto;margin:8px 0 14px}
            table{border-collapse:collapse;width:100%;font-size:13px}
            caption{text-align:left;font-weight:600;padding:4px 0}
            th,td{padding:4px 8px;border-bottom:1px solid #eceef0;text-align:left;vertical-align:top}
            td{overflow-wrap:break-word}
            table.diff td{overflow-wrap:anywhere}
            thead th{border-bottom:2px solid var(--rule);font-weight:600;background:#fff}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.nowrap{white-space:nowrap}
            table.ranking th,table.ranking th.num{white-space:normal;overflow-wrap:break-word;font-size:11px}
            table.ranking th,table.ranking td{padding:4px 5px}
            tr.group th{background:var(--soft);font-weight:600;padding-top:6px}
            tr.sig td{background:#fff8e6}
            table.facts th{width:210px;color:var(--muted);font-weight:500}
            table.facts td{word-break:break-word}
            code,.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px}
            pre.chains{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11.5px;background:var(--soft);padding:10px 12px;overflow-x:auto;white-space:pre;line-height:1.45}
            .verdict{padding:6px 10px;border-radius:4px;margin:4px 0}
            .verdict.ok{background:#e8f5e9;border-left:4px solid #2e7d32}
            .verdict.short{background:#fff4e5;border-left:4px solid #e8873a}
            ul.files{font-size:13px}
            footer{margin-top:40px;font-size:12px;color:var(--muted);border-top:1px solid var(--rule);padding-top:8px}
            .tip{position:absolute;z-index:10;max-width:460px;background:#fff;border:1px solid #9aa0a6;border-radius:4px;padding:5px 8px;font-size:12px;line-height:1.4;box-shadow:0 2px 6px rgba(0,0,0,.15);pointer-events:none;white-space:pre-wrap}
            .tip .tip-head{font-weight:600}
            i.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
            i.arrow{display:inline-block;width:18px;height:0;border-top:2px dashed;margin-right:5px;vertical-align:3px}
            .hover-guide{stroke:#555;stroke-width:.8;stroke-dasharray:3 3;pointer-events:none}
            .replay-controls{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:8px 0;font-size:13px}
            .replay-controls input[type=range]{flex:1 1 260px;min-width:180px}
            .replay-controls button{min-width:64px;padding:3px 10px;font:inherit}
            .replay-controls output{min-width:250px;font-variant-numeric:tabular-nums}
            .replay-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:14px;align-items:start}
            .replay-network{border:1px solid #e6e8eb;border-radius:4px;padding:6px}
            .replay-network svg{display:block;width:100%;height:auto}
            .replay-network .node circle{fill:#fff;stroke:#555;stroke-width:1.2}
            .replay-network .node.ringed circle{stroke:#111;stroke-width:3.5}
            .replay-network .node text{font:bold 10px "DejaVu Sans",Arial,sans-serif;fill:#222}
            .replay-network .edge{stroke-linecap:round}
            .replay-network .mark{fill:none;stroke-width:1.8;stroke-dasharray:5 3}
            .replay-legend{font-size:12px;color:var(--muted);margin:4px 2px}
            .replay-legend .key{white-space:nowrap;margin-right:10px}
            .replay-events{max-height:640px;overflow-y:auto;font-size:12.5px;border:1px solid #e6e8eb;border-radius:4px;padding:6px 10px}
            .replay-events h4{margin:2px 0 6px;font-size:14px}
            .replay-events ol{margin:0;padding-left:18px}
            .replay-events li{margin:3px 0}
            .replay-events ul.chain{list-style:none;margin:1px 0 4px;padding-left:14px;color:var(--muted);font-size:11.5px}
            @media (max-width:900px){.grid2,.grid3,.replay-body{grid-template-columns:1fr}main{padding:16px}}
            @media print{html{background:#fff}main{max-width:none;padding:0;min-height:0}nav.toc{display:none}
              h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid}
              .grid3{grid-template-columns:repeat(3,minmax(0,1fr))}.grid2{grid-template-columns:repeat(2,minmax(0,1fr))}
              tr,figure{break-inside:avoid;page-break-inside:avoid}a{color:inherit;text-decoration:none}
              pre.chains{white-space:pre-wrap}.replay,.tip{display:none}
              div.table{overflow:visible}table{font-size:9.5px;width:100%;table-layout:auto}
              th,td{white-space:normal!important;overflow-wrap:break-word}}
            @page{size:A4;margin:12mm}
            """;

    /** Without a script: nothing may run, nothing may be fetched. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final String title;
    private final java.util.Map<String, String> data = new java.util.LinkedHashMap<>();
    private String script;
    private final String kicker;
    private final List<String[]> sections = new ArrayList<>();
    private final Html body = new Html();

    Page(String kicker, String title) {
        this.kicker = kicker;
        this.title = title;
    }

    Html body() {
        return body;
    }

    /** Starts a section with an h2 and a link in the table of contents. */
    Html section(String id, String heading) {
        sections.add(new String[] {id, heading});
        return body.heading(2, id, heading);
    }

    /** Adds the report's script ({@code report.js}) to the page, and the policy that lets it alone run. */
    void script() {
        this.script = ReportScript.text();
    }

    /** JSON for the script, in {@code <script type="application/json" id="ID">}; {@code json} from {@link JsonText}. */
    void data(String id, String json) {
        data.put(id, json);
    }

    /** The content security policy of the page: {@link #POLICY}, and the hash of its script if it has one. */
    String policy() {
        return script == null ? POLICY : POLICY + "; script-src '" + ReportScript.hash(script) + "'";
    }

    String render(String lead, String footer) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy() + "\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"crisis report\">\n")
                .raw("<link rel=\"icon\" href=\"data:,\">\n")
                .raw("<title>").text(kicker + ": " + title).raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n<main>\n")
                .raw("<header class=\"top\">").element("p", "kicker", kicker).element("h1", null, title);
        if (lead != null && !lead.isEmpty()) {
            h.element("p", "lead", lead);
        }
        h.raw("</header>\n");
        if (sections.size() > 1) {
            h.raw("<nav class=\"toc\">");
            for (String[] s : sections) {
                h.raw("<a href=\"#").text(s[0]).raw("\">").text(s[1]).raw("</a> ");
            }
            h.raw("</nav>\n");
        }
        h.raw(body.toString());
        h.raw("<footer>").text(footer).raw("</footer>\n</main>\n");
        for (java.util.Map.Entry<String, String> d : data.entrySet()) {
            h.raw("<script type=\"application/json\" id=\"").text(d.getKey()).raw("\">").raw(d.getValue()).raw("</script>\n");
        }
        if (script != null) {
            h.raw("<script>").raw(script).raw("</script>\n");
        }
        h.raw("</body>\n</html>\n");
        return h.toString();
    }
}
