using System.Text.Json;
using Poc.Cli.History;
using ClientEvent = Aws.Clients.StepFunctions.HistoryEvent;

namespace Poc.Cli.Tests.History;

public sealed class ClientHistoryEventsTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Convert_ClientEvents_SameAnalysisAsTheWireShape()
    {
        var t0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        ClientEvent[] events =
        [
            new() { Id = 3, Timestamp = t0.AddSeconds(1), Type = "TaskScheduled",
                TaskScheduledEventDetails = Json("""{"resourceType":"lambda","resource":"invoke.waitForTaskToken","parameters":"{\"Payload\":{\"taskToken\":\"abcdefghijkl\"}}"}""") },
            new() { Id = 1, Timestamp = t0, Type = "ExecutionStarted" },
            new() { Id = 2, Timestamp = t0, Type = "TaskStateEntered", StateEnteredEventDetails = Json("""{"name":"CreateJobAndWait"}""") },
            new() { Id = 4, Timestamp = t0.AddSeconds(9), Type = "TaskFailed",
                TaskFailedEventDetails = Json("""{"resourceType":"lambda","resource":"invoke.waitForTaskToken","error":"JobFailed","cause":"boom"}""") },
            new() { Id = 5, Timestamp = t0.AddSeconds(9.3), Type = "FailStateEntered", StateEnteredEventDetails = Json("""{"name":"FailedState"}""") },
        ];

        var converted = ClientHistoryEvents.Convert(events);

        Assert.Equal([1L, 2, 3, 4, 5], converted.Select(e => e.Id));
        Assert.Equal("abcdefghijkl", HistoryAnalysis.CallbackScheduled(converted)?.FindTaskToken());
        var reconnection = HistoryAnalysis.FindReconnection(converted);
        Assert.NotNull(reconnection);
        Assert.Equal("JobFailed", reconnection.Outcome.Error);
        Assert.Equal("FailedState", reconnection.NextState.StateName);
        Assert.Equal(TimeSpan.FromMilliseconds(300), reconnection.Latency);
    }
}
