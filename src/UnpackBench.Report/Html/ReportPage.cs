namespace UnpackBench.Report.Html;

/// <summary>The page around the sections: one file, its style inline, no script and nothing fetched.</summary>
public static class ReportPage
{
    /// <summary>A complete HTML document titled <paramref name="title"/> holding <paramref name="sections"/>.</summary>
    public static string Wrap(string title, string subtitle, IEnumerable<string> sections) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">" +
        $"<title>{Markup.Encode(title)}</title><style>{Style}</style></head><body><main>" +
        $"<header><h1>{Markup.Encode(title)}</h1><p class=\"subtitle\">{Markup.Encode(subtitle)}</p></header>" +
        string.Concat(sections) +
        "<footer>Made by unpackbench-agent report. Charts by ScottPlot; every chart's data is in the table below it.</footer>" +
        "</main></body></html>\n";

    private const string Style = """
        :root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --band: #f6f8fa; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 12px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
        .subtitle, .chart-description, footer { color: var(--muted); }
        table { border-collapse: collapse; margin: 12px 0; width: 100%; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        thead th, .facts th { background: var(--band); font-weight: 600; }
        .facts { table-layout: fixed; } .facts th { width: 11em; } .facts td { overflow-wrap: anywhere; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr)); gap: 24px; }
        figure.chart { margin: 16px 0 24px; } figcaption { font-weight: 600; }
        .plot svg { width: 100%; height: auto; display: block; }
        details summary { cursor: pointer; color: var(--muted); }
        .verdict { padding: 10px 14px; border-radius: 6px; border: 1px solid var(--rule); }
        .verdict-slower { background: #ffebe9; border-color: #cf222e; } .verdict-faster { background: #dafbe1; border-color: #1a7f37; }
        .verdict-same { background: #ddf4ff; border-color: #0969da; } .verdict-inconclusive { background: #fff8c5; border-color: #9a6700; }
        footer { margin-top: 40px; font-size: 13px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        """;
}
