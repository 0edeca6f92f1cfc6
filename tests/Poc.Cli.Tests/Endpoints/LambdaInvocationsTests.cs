using Poc.Cli.Endpoints;

namespace Poc.Cli.Tests.Endpoints;

public sealed class LambdaInvocationsTests
{
    [Fact]
    public void Parse_DocumentedShape_ReadsEveryMember()
    {
        // The shape docs/localcloud-endpoints.md documents for GET /_localcloud/lambda/invocations.
        var list = LambdaInvocations.Parse("""
            {"invocations":[
              {"functionName":"poc-poller","requestId":"r2","invocationType":"Event","start":"2026-12-04T10:00:01.1234567+00:00",
               "durationMs":12.5,"billedDurationMs":13,"initDurationMs":null,"errorType":null,"workerId":"w1"},
              {"functionName":"poc-create-job","requestId":"r1","invocationType":"RequestResponse","start":"2026-12-04T10:00:00.0000000+00:00",
               "durationMs":250,"billedDurationMs":250,"initDurationMs":900.25,"errorType":"UnknownJob","workerId":null}]}
            """);

        Assert.Equal(2, list.Count);
        var warm = list[0];
        Assert.Equal(("poc-poller", "r2", "Event", "w1"), (warm.FunctionName, warm.RequestId, warm.InvocationType, warm.WorkerId));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 0, 1, TimeSpan.Zero).AddTicks(1_234_567), warm.Start);
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), warm.Duration);
        Assert.Equal(13, warm.BilledDurationMs);
        Assert.False(warm.ColdStart);
        Assert.Null(warm.ErrorType);
        var cold = list[1];
        Assert.True(cold.ColdStart);
        Assert.Equal(TimeSpan.FromMilliseconds(900.25), cold.InitDuration);
        Assert.Equal("UnknownJob", cold.ErrorType);
    }

    [Theory]
    [InlineData("""{"records":[]}""")]
    [InlineData("""{"invocations":{}}""")]
    [InlineData("""{"invocations":[{"functionName":"f","requestId":"r","invocationType":"Event","start":"not a time","durationMs":1,"billedDurationMs":1}]}""")]
    [InlineData("""{"invocations":[{"functionName":"f","requestId":"r","invocationType":"Event","start":"2026-12-04T10:00:00Z"}]}""")]
    public void Parse_MissingOrMalformed_SkipsRatherThanGuesses(string json)
        => Assert.Empty(LambdaInvocations.Parse(json));
}
