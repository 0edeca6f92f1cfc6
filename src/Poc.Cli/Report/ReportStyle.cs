namespace Poc.Cli.Report;

/// <summary>The report's inline stylesheet: the HTML must stand alone, with no external asset.</summary>
public static class ReportStyle
{
    public const string Css = """
        :root { --ink:#1d2430; --muted:#5b6475; --line:#d5dae3; --hot:#d9480f; --ok:#2b8a3e; --bad:#c92a2a; --bg:#f7f8fa; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fff; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 64px; }
        h1 { font-size: 28px; margin: 8px 0 4px; } h2 { font-size: 21px; margin: 36px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 16px; margin: 18px 0 6px; } .meta { color: var(--muted); margin: 0 0 12px; }
        table { border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; } th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: var(--bg); } td.num { text-align: right; font-variant-numeric: tabular-nums; } td.yes { color: var(--ok); font-weight: 600; } td.no { color: var(--bad); font-weight: 600; }
        .figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px; margin: 8px 0; background: #fff; overflow-x: auto; }
        .figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 12px; }
        .grid.wide { grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); }
        .caption { font-size: 13px; color: var(--muted); text-align: center; margin-top: 4px; }
        .headline { display: flex; gap: 16px; flex-wrap: wrap; margin: 10px 0; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; background: var(--bg); min-width: 180px; }
        .card b { display: block; font-size: 22px; } .card span { color: var(--muted); font-size: 13px; }
        .note { color: var(--muted); font-size: 13px; }
        svg .t { font: 12px system-ui, sans-serif; fill: var(--ink); } svg .small { font-size: 11px; } svg .strong { font-weight: 600; font-size: 13px; }
        svg .note { fill: var(--muted); }
        svg .state { fill: #fff; stroke: #8a94a6; stroke-width: 1.2; } svg .state.hot { fill: #fff1e6; stroke: var(--hot); stroke-width: 2.2; }
        svg .state.fail { fill: #fff5f5; } svg .state.succeed { fill: #f4fbf4; } svg .state.fail.hot { fill: #ffe3e3; stroke: var(--bad); }
        svg .edge { stroke: #b3bac6; stroke-width: 1.2; fill: none; } svg .edge.catch { stroke-dasharray: 4 3; } svg .edge.hot { stroke: var(--hot); stroke-width: 2.4; }
        svg .head { fill: #b3bac6; } svg .head.hot { fill: var(--hot); } svg .head.flow { fill: #495366; }
        svg .flow { stroke: #495366; stroke-width: 1.6; fill: none; }
        svg .svc { fill: var(--bg); stroke: #495366; stroke-width: 1.4; } svg .svc.sfn { fill: #fff1e6; } svg .svc.lambda { fill: #fff9db; }
        svg .svc.ddb { fill: #e7f5ff; } svg .svc.sched { fill: #f3f0ff; } svg .svc.ext { fill: #f1f3f5; stroke-dasharray: 5 3; }
        svg .axis { stroke: #495366; stroke-width: 1.4; } svg .tick { stroke: #c5ccd6; stroke-width: 1; }
        svg .dot { fill: #495366; } svg .dot.poll { fill: #7048e8; } svg .dot.callback { fill: var(--hot); } svg .dot.resume { fill: var(--ok); } svg .dot.end { fill: var(--ink); }
        svg .grid { stroke: #eceff3; stroke-width: 1; } svg .zero { stroke: #495366; stroke-width: 1.4; stroke-dasharray: 6 4; } svg .zerolabel { fill: #495366; }
        svg .series { fill: none; stroke-width: 2.4; } svg .pt { stroke: none; }
        svg .s0 { stroke: #1c7ed6; } svg .pt.s0, svg text.s0 { fill: #1c7ed6; } svg .s1 { stroke: var(--hot); } svg .pt.s1, svg text.s1 { fill: var(--hot); }
        svg .s2 { stroke: #2b8a3e; } svg .pt.s2, svg text.s2 { fill: #2b8a3e; } svg .s3 { stroke: #862e9c; } svg .pt.s3, svg text.s3 { fill: #862e9c; }
        svg text.series { stroke: none; } svg .marker { stroke: var(--bad); stroke-width: 1.4; stroke-dasharray: 3 3; } svg .here { fill: none; stroke: var(--ink); stroke-width: 2; }
        """;
}
