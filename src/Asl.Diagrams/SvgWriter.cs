using System.Globalization;
using System.Net;
using System.Text;

namespace Asl.Diagrams;

/// <summary>Builds one inline SVG element: shapes with invariant numbers and escaped text, no external references.</summary>
public sealed class SvgWriter(double width, double height, string label)
{
    private static readonly string[] MarkerClasses = ["edge", "edge hot", "flow"];
    private readonly StringBuilder body = new();

    /// <summary>A rectangle; <paramref name="css"/> is a class of the report's stylesheet.</summary>
    public SvgWriter Rect(double x, double y, double w, double h, string css, double radius = 6)
        => Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" rx=\"{N(radius)}\" class=\"{css}\"/>");

    /// <summary>Text anchored at (x, y); <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgWriter Text(double x, double y, string text, string css = "t", string anchor = "middle")
        => Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" class=\"{css}\">{WebUtility.HtmlEncode(text)}</text>");

    /// <summary>A straight line, with an arrowhead at its end when <paramref name="arrow"/>.</summary>
    public SvgWriter Line(double x1, double y1, double x2, double y2, string css, bool arrow = false)
        => Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" class=\"{css}\"{(arrow ? $" marker-end=\"url(#{MarkerId(css)})\"" : "")}/>");

    /// <summary>A path from SVG path data built with <see cref="N"/>; <paramref name="attributes"/> are extra, already escaped.</summary>
    public SvgWriter Path(string data, string css, bool arrow = false, string attributes = "")
        => Append($"<path d=\"{data}\" class=\"{css}\"{(arrow ? $" marker-end=\"url(#{MarkerId(css)})\"" : "")}{attributes}/>");

    /// <summary>Opens a group; <paramref name="attributes"/> (with a leading space) are already escaped. Close it with <see cref="EndGroup"/>.</summary>
    public SvgWriter Group(string attributes) => Append($"<g{attributes}>");

    public SvgWriter EndGroup() => Append("</g>");

    /// <summary>The root's ARIA role: an image, or a group when it holds controls (an image's children are not reachable).</summary>
    public string Role { get; init; } = "img";

    /// <summary>A polyline through <paramref name="points"/>.</summary>
    public SvgWriter Polyline(IEnumerable<(double X, double Y)> points, string css)
        => Append($"<polyline points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\" class=\"{css}\"/>");

    /// <summary>A circle.</summary>
    public SvgWriter Circle(double x, double y, double r, string css)
        => Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" class=\"{css}\"/>");

    /// <summary>The finished element; it scales to its container's width.</summary>
    public override string ToString()
    {
        var markers = string.Concat(MarkerClasses.Select(css =>
            $"<marker id=\"m-{css.Replace(' ', '-')}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
            + $"<path d=\"M0,0 L10,5 L0,10 z\" class=\"head {css}\"/></marker>"));
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" "
               + $"role=\"{Role}\" aria-label=\"{WebUtility.HtmlEncode(label)}\"><defs>{markers}</defs>{body}</svg>";
    }

    /// <summary>A number as SVG wants it: invariant, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    // One arrowhead per look; extra classes (catch, series colours) keep the head of their base class.
    private static string MarkerId(string css)
        => css.Contains("flow", StringComparison.Ordinal) ? "m-flow" : css.Contains("hot", StringComparison.Ordinal) ? "m-edge-hot" : "m-edge";

    private SvgWriter Append(string element)
    {
        body.Append(element);
        return this;
    }
}
