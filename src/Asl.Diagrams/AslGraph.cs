using System.Text.Json;

namespace Asl.Diagrams;

/// <summary>The states and transitions of an Amazon States Language definition, as a graph to draw.</summary>
public sealed record AslGraph(string StartAt, IReadOnlyList<AslState> States, IReadOnlyList<AslEdge> Edges)
{
    /// <summary>Reads the top-level states of a definition: Next, Choices/Default and Catch are its edges.</summary>
    /// <remarks>https://states-language.net/spec.html</remarks>
    public static AslGraph Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var states = new List<AslState>();
        var edges = new List<AslEdge>();
        foreach (var state in root.GetProperty(nameof(States)).EnumerateObject())
        {
            var type = state.Value.TryGetProperty("Type", out var t) ? t.GetString() ?? "" : "";
            states.Add(new AslState(state.Name, type));
            void Add(string to, string kind) => edges.Add(new AslEdge(state.Name, to, kind));
            if (state.Value.TryGetProperty("Next", out var next) && next.GetString() is { } n)
            {
                Add(n, "next");
            }

            if (state.Value.TryGetProperty("Choices", out var choices))
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    if (choice.TryGetProperty("Next", out var c) && c.GetString() is { } to)
                    {
                        Add(to, "choice");
                    }
                }
            }

            if (state.Value.TryGetProperty("Default", out var fallback) && fallback.GetString() is { } d)
            {
                Add(d, "default");
            }

            if (state.Value.TryGetProperty("Catch", out var catches))
            {
                foreach (var c in catches.EnumerateArray())
                {
                    if (c.TryGetProperty("Next", out var to) && to.GetString() is { } target)
                    {
                        Add(target, "catch");
                    }
                }
            }
        }

        return new AslGraph(root.GetProperty(nameof(StartAt)).GetString() ?? "", states, [.. edges.Distinct()]);
    }

    /// <summary>
    /// Layers for a top-down drawing: each state one below the deepest state that reaches it first in a breadth-first
    /// walk from StartAt (back edges of loops do not push a state down).
    /// </summary>
    public IReadOnlyDictionary<string, int> Layers()
    {
        var layer = new Dictionary<string, int>(StringComparer.Ordinal) { [StartAt] = 0 };
        var order = new List<string> { StartAt };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var edge in Edges.Where(e => e.From == order[i] && !layer.ContainsKey(e.To)))
            {
                layer[edge.To] = layer[order[i]] + 1;
                order.Add(edge.To);
            }
        }

        // Forward edges may still point up or sideways; push targets below their sources once, in walk order.
        foreach (var from in order)
        {
            foreach (var edge in Edges.Where(e => e.From == from && layer.ContainsKey(e.To)))
            {
                if (layer[edge.To] <= layer[from] && order.IndexOf(edge.To) > order.IndexOf(from))
                {
                    layer[edge.To] = layer[from] + 1;
                }
            }
        }

        var bottom = layer.Count == 0 ? 0 : layer.Values.Max() + 1;
        foreach (var state in States.Where(s => !layer.ContainsKey(s.Name)))
        {
            layer[state.Name] = bottom;
        }

        return layer;
    }
}
