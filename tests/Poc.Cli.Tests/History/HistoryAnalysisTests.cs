using Poc.Cli.History;

namespace Poc.Cli.Tests.History;

public sealed class HistoryAnalysisTests
{
    [Fact]
    public void FindReconnection_CallbackSucceeded_MeasuresTaskSucceededToNextStateEntered()
    {
        var events = HistoryEventParser.Parse(SampleHistories.Succeeded);

        var reconnection = HistoryAnalysis.FindReconnection(events);

        Assert.NotNull(reconnection);
        Assert.Equal("TaskSucceeded", reconnection.Outcome.Type);
        Assert.Equal("JobSucceeded", reconnection.NextState.StateName);
        Assert.Equal(TimeSpan.FromMilliseconds(125), reconnection.Latency);
    }

    [Fact]
    public void FindReconnection_TaskTimedOut_MeasuresTimeoutToTheCatchState()
    {
        var events = HistoryEventParser.Parse(SampleHistories.TimedOut);

        var reconnection = HistoryAnalysis.FindReconnection(events);

        Assert.NotNull(reconnection);
        Assert.Equal("TaskTimedOut", reconnection.Outcome.Type);
        Assert.Equal("States.Timeout", reconnection.Outcome.Error);
        Assert.Equal("TimeoutState", reconnection.NextState.StateName);
        Assert.Equal(TimeSpan.FromMilliseconds(230), reconnection.Latency);
    }

    [Fact]
    public void FindReconnection_StillWaiting_Null()
    {
        Assert.Null(HistoryAnalysis.FindReconnection(HistoryEventParser.Parse(SampleHistories.Waiting)));
    }

    [Fact]
    public void Parse_OutOfOrderEvents_SortedById()
    {
        var events = HistoryEventParser.Parse(SampleHistories.TimedOut);

        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], events.Select(e => e.Id));
    }

    [Fact]
    public void Parse_EpochSecondTimestamps_KeepMilliseconds()
    {
        var events = HistoryEventParser.Parse(SampleHistories.Succeeded);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_400), events[4].Timestamp);
    }

    [Fact]
    public void CallbackScheduled_FindsTheWaitForTaskTokenTaskAndItsToken()
    {
        var scheduled = HistoryAnalysis.CallbackScheduled(HistoryEventParser.Parse(SampleHistories.Succeeded));

        Assert.NotNull(scheduled);
        Assert.Equal(HistoryAnalysis.CallbackResource, scheduled.Resource);
        Assert.Equal(SampleHistories.Token, scheduled.FindTaskToken());
    }

    [Fact]
    public void CurrentState_ShowsLastStateEnteredAndNewestEvent()
    {
        Assert.Equal("CreateJobAndWait (TaskSubmitted)", HistoryAnalysis.CurrentState(HistoryEventParser.Parse(SampleHistories.Waiting)));
        Assert.Equal("-", HistoryAnalysis.CurrentState([]));
    }

    [Fact]
    public void FindReconnection_NoCallbackTask_FallsBackToLastTaskOutcome()
    {
        const string baseline = """
            [
              {"timestamp":10,"type":"TaskStateEntered","id":1,"stateEnteredEventDetails":{"name":"CheckStatus"}},
              {"timestamp":10,"type":"TaskScheduled","id":2,"taskScheduledEventDetails":{"resourceType":"lambda","resource":"invoke","parameters":"{}"}},
              {"timestamp":11,"type":"TaskSucceeded","id":3},
              {"timestamp":11.5,"type":"ChoiceStateEntered","id":4,"stateEnteredEventDetails":{"name":"IsDone"}}
            ]
            """;

        var reconnection = HistoryAnalysis.FindReconnection(HistoryEventParser.Parse(baseline));

        Assert.NotNull(reconnection);
        Assert.Equal("IsDone", reconnection.NextState.StateName);
        Assert.Equal(TimeSpan.FromMilliseconds(500), reconnection.Latency);
    }
}
