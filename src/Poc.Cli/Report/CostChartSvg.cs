using System.Globalization;
using Asl.Diagrams;
using Poc.Cli.Cost;

namespace Poc.Cli.Report;

/// <summary>Reduction (callback vs baseline, list prices) against job duration, one line per poll interval, break-even marked.</summary>
public static class CostChartSvg
{
    private const double Width = 860, Height = 380, Left = 64, Right = 170, Top = 20, Bottom = 50;

    /// <summary>The chart.</summary>
    public static string Render(CostAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var all = analysis.Series.SelectMany(s => s.Points).ToList();
        var yMin = Math.Max(-100, Math.Min(0, Math.Floor(all.Min(p => p.ReductionPercent) / 20) * 20));
        const double yMax = 100;
        var xMin = Math.Log10(all.Min(p => p.Duration.TotalMinutes));
        var xMax = Math.Log10(all.Max(p => p.Duration.TotalMinutes));
        double X(TimeSpan d) => Left + ((Math.Log10(d.TotalMinutes) - xMin) / Math.Max(1e-9, xMax - xMin) * (Width - Left - Right));
        double Y(double pct) => Top + ((yMax - Math.Clamp(pct, yMin, yMax)) / (yMax - yMin) * (Height - Top - Bottom));

        var svg = new SvgWriter(Width, Height, "Cost reduction against job duration");
        for (var pct = yMin; pct <= yMax; pct += 20)
        {
            svg.Line(Left, Y(pct), Width - Right, Y(pct), pct == 0 ? "zero" : "grid");
            svg.Text(Left - 8, Y(pct) + 4, $"{pct:0} %", "t small", "end");
        }

        foreach (var d in CostAnalysis.ChartDurations)
        {
            svg.Line(X(d), Top, X(d), Height - Bottom, "grid");
            svg.Text(X(d), Height - Bottom + 16, Duration(d), "t small");
        }

        svg.Text(Left + ((Width - Left - Right) / 2), Height - 10, "average job duration (log scale)", "t small");
        svg.Text(Width - Right + 6, Y(0) - 6, "break-even (0 %)", "t small zerolabel", "start");

        var colour = 0;
        foreach (var series in analysis.Series)
        {
            var css = $"series s{colour++ % 4}";
            svg.Polyline(series.Points.Select(p => (X(p.Duration), Y(p.ReductionPercent))), css);
            foreach (var p in series.Points)
            {
                svg.Circle(X(p.Duration), Y(p.ReductionPercent), 2.5, css + " pt");
            }

            // A legend rather than labels at the line ends: the lines converge there and the labels would collide.
            var legendY = Top + 40 + (colour * 18);
            svg.Line(Width - Right + 8, legendY - 4, Width - Right + 30, legendY - 4, css);
            svg.Text(Width - Right + 36, legendY, $"poll every {Duration(series.PollInterval)}", "t small", "start");
        }

        // Marked only where the callback is dearer for shorter jobs; a break-even at the first poll means it never is.
        if (analysis.BreakEvenDuration is { } breakEven && breakEven > analysis.Inputs.PollInterval
            && breakEven.TotalMinutes >= Math.Pow(10, xMin) && breakEven.TotalMinutes <= Math.Pow(10, xMax))
        {
            svg.Line(X(breakEven), Top, X(breakEven), Height - Bottom, "marker");
            svg.Text(X(breakEven) + 4, Top + 12, $"break-even {Duration(breakEven)}", "t small", "start");
        }

        var at = analysis.AtInputs;
        svg.Circle(X(analysis.Inputs.AverageJobDuration), Y(at.ReductionPercent), 5, "here");
        svg.Text(X(analysis.Inputs.AverageJobDuration), Y(at.ReductionPercent) + 18, $"{at.ReductionPercent:0.0} % at the chosen workload", "t small");
        return svg.ToString();
    }

    /// <summary>"30 s", "5 min", "4 h", "1 d".</summary>
    public static string Duration(TimeSpan d) => d.TotalMinutes switch
    {
        < 1 => d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        < 60 => d.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
        < 1440 => d.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        _ => d.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " d",
    };
}
