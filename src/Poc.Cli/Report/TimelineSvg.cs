using System.Globalization;
using Asl.Diagrams;

namespace Poc.Cli.Report;

/// <summary>Draws a <see cref="JobTimeline"/>: a time axis with one labelled tick per mark, labels staggered to stay legible.</summary>
public static class TimelineSvg
{
    /// <summary>The drawing.</summary>
    public static string Render(JobTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        const double width = 860, left = 40, right = 40, axisY = 60, rowHeight = 20;
        var marks = timeline.Marks;
        var span = Math.Max(0.001, marks.Max(m => m.Seconds));
        var rows = marks.Count;
        var svg = new SvgWriter(width, axisY + 30 + (rows * rowHeight), $"Timeline of {timeline.ExecutionName}");
        double X(double s) => left + (s / span * (width - left - right));

        svg.Line(left, axisY, width - right, axisY, "axis");
        for (var i = 0; i <= 4; i++)
        {
            var s = span * i / 4;
            svg.Line(X(s), axisY - 4, X(s), axisY + 4, "axis");
            svg.Text(X(s), axisY - 10, s.ToString("0.0", CultureInfo.InvariantCulture) + " s", "t small");
        }

        for (var i = 0; i < rows; i++)
        {
            var mark = marks[i];
            var y = axisY + 26 + (i * rowHeight);
            svg.Line(X(mark.Seconds), axisY, X(mark.Seconds), y - 4, "tick " + mark.Kind);
            svg.Circle(X(mark.Seconds), axisY, 4.5, "dot " + mark.Kind);
            var label = $"{mark.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s  {mark.Label}{(mark.Reconstructed ? " (by schedule)" : "")}";
            var anchor = X(mark.Seconds) > width * 0.6 ? "end" : "start";
            svg.Text(X(mark.Seconds) + (anchor == "end" ? -6 : 6), y, label, "t small", anchor);
        }

        return svg.ToString();
    }
}
