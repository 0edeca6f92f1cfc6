using Asl.Diagrams;
using Poc.Cli.Report;
using Poc.Cli.Tests.History;
using Poc.Cli.History;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Tests.Report;

public sealed class ReportPartsTests
{
    [Fact]
    public void LatencyStats_OneToHundredMs_NearestRank()
    {
        var stats = LatencyStats.Of(Enumerable.Range(1, 100).Select(ms => TimeSpan.FromMilliseconds(ms)).Reverse())!;

        Assert.Equal(100, stats.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(50), stats.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(95), stats.P95);
        Assert.Equal(TimeSpan.FromMilliseconds(99), stats.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(100), stats.Max);
    }

    [Fact]
    public void LatencyStats_OneValue_IsEveryPercentile()
    {
        var stats = LatencyStats.Of([TimeSpan.FromMilliseconds(7)])!;

        Assert.Equal(stats.P50, stats.P99);
        Assert.Null(LatencyStats.Of([]));
    }

    [Fact]
    public void AslGraph_Baseline_LoopBackDoesNotPushWaitDown()
    {
        var graph = AslGraph.Parse(CannedReport.Build().BaselineAsl);
        var layers = graph.Layers();

        Assert.Equal(0, layers["HasPollInterval"]);
        Assert.True(layers["CheckStatus"] > layers["WaitForJob"]);
        Assert.True(layers["JobStatusChoice"] > layers["CheckStatus"]);
        Assert.Contains(new AslEdge("JobStatusChoice", "WaitForJob", "default"), graph.Edges);
        Assert.Contains(new AslEdge("CheckStatus", "FailedState", "catch"), graph.Edges);
        Assert.Equal(graph.States.Count, layers.Count);
    }

    [Fact]
    public void JobTimeline_TwoAttempts_PollsOneIntervalApartEndingAtTheCallback()
    {
        var job = new ExecutionObservation(ScenarioCatalog.Success, WorkflowKind.Callback, "arn", "success-1")
        {
            History = HistoryEventParser.Parse(SampleHistories.Succeeded),
            Record = new TokenRecord("arn", "job", "t", "COMPLETED", 2),
        };

        var marks = JobTimeline.From(job, 3)!.Marks;

        Assert.Equal(["start", "task", "poll", "poll", "callback", "resume", "end"], marks.Select(m => m.Kind));
        var polls = marks.Where(m => m.Kind == "poll").ToList();
        Assert.Equal(3.0, polls[0].Seconds, 6);
        Assert.Equal(6.0, polls[1].Seconds, 6);
        Assert.Equal(6.0, marks.Single(m => m.Kind == "callback").Seconds, 6);
        Assert.Equal(6.125, marks.Single(m => m.Kind == "resume").Seconds, 6);
    }

    [Fact]
    public void StateMachineSvg_Path_HighlightsVisitedStatesAndTakenEdges()
    {
        var graph = AslGraph.Parse(CannedReport.Build().CallbackAsl);

        var svg = StateMachineSvg.Render(graph, ["HasTaskTimeout", "DefaultTaskTimeout", "StartJobAndWaitForCallback", "JobSucceeded"], "x");

        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(svg, "class=\"state [a-z]+ hot\""));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(svg, "class=\"edge hot\""));
    }
}
