namespace Asl.Diagrams;

/// <summary>Draws a state machine top-down, with the path one execution took (its states in order) highlighted.</summary>
public static class StateMachineSvg
{
    private const double BoxWidth = 176;
    private const double BoxHeight = 30;
    private const double LayerGap = 24;
    private const double Gap = 18;
    private const double Margin = 16;
    private const double LoopLane = 40;

    /// <summary>Renders <paramref name="graph"/>; <paramref name="path"/> is the states entered, in order (may be empty).</summary>
    public static string Render(AslGraph graph, IReadOnlyList<string> path, string label) => Render(graph, path, label, interactive: false);

    /// <summary>
    /// As above; <paramref name="interactive"/> makes each state a focusable button carrying <c>data-state</c> and each edge
    /// <c>data-from</c>/<c>data-to</c>, so a page's script can mark states live and open one on click (LocalCloud's console).
    /// </summary>
    public static string Render(AslGraph graph, IReadOnlyList<string> path, string label, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        var layers = graph.Layers();
        var rows = graph.States.GroupBy(s => layers[s.Name]).OrderBy(g => g.Key).ToList();
        var widest = rows.Max(r => r.Count());
        var width = (Margin * 2) + (widest * BoxWidth) + ((widest - 1) * Gap) + LoopLane;
        var height = (Margin * 2) + (rows.Count * BoxHeight) + ((rows.Count - 1) * LayerGap);
        var at = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var states = row.ToList();
            var rowWidth = (states.Count * BoxWidth) + ((states.Count - 1) * Gap);
            var x0 = ((width - LoopLane - rowWidth) / 2);
            for (var i = 0; i < states.Count; i++)
            {
                at[states[i].Name] = (x0 + (i * (BoxWidth + Gap)), Margin + (row.Key * (BoxHeight + LayerGap)));
            }
        }

        var visited = path.ToHashSet(StringComparer.Ordinal);
        var taken = path.Zip(path.Skip(1)).ToHashSet();
        var svg = new SvgWriter(width, height, label) { Role = interactive ? "group" : "img" };
        foreach (var edge in graph.Edges.Where(e => at.ContainsKey(e.To)).OrderBy(e => taken.Contains((e.From, e.To))))
        {
            var css = (taken.Contains((edge.From, edge.To)) ? "edge hot" : "edge") + (edge.Kind == "catch" ? " catch" : "");
            var (fx, fy) = at[edge.From];
            var (tx, ty) = at[edge.To];
            var data = interactive ? $" data-from=\"{Attr(edge.From)}\" data-to=\"{Attr(edge.To)}\"" : "";
            if (ty > fy)
            {
                svg.Path($"M{SvgWriter.N(fx + (BoxWidth / 2))},{SvgWriter.N(fy + BoxHeight)} L{SvgWriter.N(tx + (BoxWidth / 2))},{SvgWriter.N(ty)}", css, arrow: true, data);
            }
            else
            {
                // A loop back up: around the right-hand side, in the lane kept free for it.
                var lane = width - (LoopLane / 2);
                svg.Path(
                    $"M{SvgWriter.N(fx + BoxWidth)},{SvgWriter.N(fy + (BoxHeight / 2))} C{SvgWriter.N(lane)},{SvgWriter.N(fy + (BoxHeight / 2))} "
                    + $"{SvgWriter.N(lane)},{SvgWriter.N(ty + (BoxHeight / 2))} {SvgWriter.N(tx + BoxWidth)},{SvgWriter.N(ty + (BoxHeight / 2))}",
                    css,
                    arrow: true,
                    data);
            }
        }

        foreach (var state in graph.States)
        {
            var (x, y) = at[state.Name];
            var kind = state.Type.ToLowerInvariant();
            if (interactive)
            {
                svg.Group($" data-state=\"{Attr(state.Name)}\" tabindex=\"0\" role=\"button\" aria-label=\"{Attr($"{state.Name} ({state.Type})")}\"");
            }
            svg.Rect(x, y, BoxWidth, BoxHeight, $"state {kind}{(visited.Contains(state.Name) ? " hot" : "")}", kind == "choice" ? 14 : 5);
            svg.Text(x + (BoxWidth / 2), y + 19, state.Name, "t small");
            if (interactive)
            {
                svg.EndGroup();
            }
        }

        return svg.ToString();
    }

    private static string Attr(string text) => System.Net.WebUtility.HtmlEncode(text);
}
