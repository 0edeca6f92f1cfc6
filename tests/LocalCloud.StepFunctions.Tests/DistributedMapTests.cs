using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Distributed Map over items from the state input: child executions in a Map Run, batching, tolerance, the Map Run operations.</summary>
public sealed class DistributedMapTests
{
    private static string Distributed(string processorStates, string extra = "", string executionType = "STANDARD")
        => J("{'StartAt':'M','States':{'M':{'Type':'Map','Label':'Each',") + extra
            + J("'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'") + executionType + "\"},"
            + processorStates + "},\"End\":true}}}";

    private static string J(string text) => text.Replace('\'', '"');

    private static readonly string PassThrough = J("'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}");

    // Items equal to "bad" fail their child execution.
    private const string FailsOnBad = """
        "StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","StringEquals":"bad","Next":"F"}],"Default":"P"},
          "F":{"Type":"Fail","Error":"Bad","Cause":"bad item"},"P":{"Type":"Pass","End":true}}
        """;

    [Fact]
    public async Task Distributed_RunsEachItemAsAChildExecution_InAMapRun()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Distributed(PassThrough)), """[1,{"a":2},"three"]""");
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""[1,{"a":2},"three"]""", done.Output);
        Assert.Equal(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        var mapRunArn = done.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        Assert.StartsWith("arn:aws:states:us-east-1:000000000000:mapRun:sm/Each:", mapRunArn, StringComparison.Ordinal);

        var runs = (await sfn.OkAsync("ListMapRuns", new { executionArn = execution }))["mapRuns"]!.AsArray();
        Assert.Equal(mapRunArn, Assert.Single(runs)!["mapRunArn"]!.GetValue<string>());
        var described = await sfn.OkAsync("DescribeMapRun", new { mapRunArn });
        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
        Assert.Equal(execution, described["executionArn"]!.GetValue<string>());
        Assert.Equal(3, described["itemCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Equal(3, described["executionCounts"]!["total"]!.GetValue<long>());
        Assert.Equal(0, described["toleratedFailureCount"]!.GetValue<long>());

        var children = (await sfn.OkAsync("ListExecutions", new { mapRunArn }))["executions"]!.AsArray();
        Assert.Equal(3, children.Count);
        var child = children[0]!;
        Assert.Equal(mapRunArn, child["mapRunArn"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:us-east-1:000000000000:stateMachine:sm/Each", child["stateMachineArn"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:states:us-east-1:000000000000:execution:sm/Each:", child["executionArn"]!.GetValue<string>(), StringComparison.Ordinal);
        var childDescribed = await sfn.OkAsync("DescribeExecution", new { executionArn = child["executionArn"]!.GetValue<string>() });
        Assert.Equal(mapRunArn, childDescribed["mapRunArn"]!.GetValue<string>());
        var childHistory = (await sfn.OkAsync("GetExecutionHistory", new { executionArn = child["executionArn"]!.GetValue<string>() }))["events"]!.AsArray();
        Assert.Equal("ExecutionStarted", childHistory[0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Distributed_ItemBatcher_GroupsItemsWithTheBatchInput()
    {
        await using var sfn = new SfnHarness();
        var definition = Distributed(PassThrough, J("'ItemsPath':'$.items','ItemBatcher':{'MaxItemsPerBatch':2,'BatchInput':{'tag.$':'$.tag'}},"));
        var execution = await sfn.StartAsync(await sfn.CreateAsync(definition), """{"items":[1,2,3,4,5],"tag":"t"}""");
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""[{"Items":[1,2],"BatchInput":{"tag":"t"}},{"Items":[3,4],"BatchInput":{"tag":"t"}},{"Items":[5],"BatchInput":{"tag":"t"}}]""", done.Output);
        var mapRunArn = done.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        var described = await sfn.OkAsync("DescribeMapRun", new { mapRunArn });
        Assert.Equal(5, described["itemCounts"]!["total"]!.GetValue<long>());
        Assert.Equal(3, described["executionCounts"]!["total"]!.GetValue<long>());
        var children = (await sfn.OkAsync("ListExecutions", new { mapRunArn }))["executions"]!.AsArray();
        Assert.Equal([1L, 2L, 2L], children.Select(c => c!["itemCount"]!.GetValue<long>()).Order());
    }

    [Fact]
    public async Task Distributed_FailureWithinTolerance_KeepsTheErrorInTheResults()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Distributed(FailsOnBad, "\"ToleratedFailureCount\":1,")), """["ok","bad","ok"]""");
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""["ok",{"Error":"Bad","Cause":"bad item"},"ok"]""", done.Output);
    }

    [Fact]
    public async Task Distributed_FailureBeyondTolerance_FailsTheMapRun()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Distributed(FailsOnBad, "\"MaxConcurrency\":1,")), """["ok","bad","ok"]""");
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.ExceedToleratedFailureThreshold", done.Error);
        var failed = done.History.Single(e => e.Type == "MapRunFailed");
        Assert.Equal("States.ExceedToleratedFailureThreshold", failed.Details!["error"]!.GetValue<string>());
        Assert.Contains("MapStateFailed", SfnHarness.Types(done));
        var mapRunArn = done.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        var described = await sfn.OkAsync("DescribeMapRun", new { mapRunArn });
        Assert.Equal("FAILED", described["status"]!.GetValue<string>());
        Assert.Equal(1, described["itemCounts"]!["failed"]!.GetValue<long>());
        Assert.Equal(1, described["itemCounts"]!["aborted"]!.GetValue<long>());
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("UpdateMapRun", new { mapRunArn, maxConcurrency = 2 })).Code);
    }

    [Fact]
    public async Task Distributed_ExpressChildren_HaveExpressArns()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Distributed(PassThrough, executionType: "EXPRESS")), "[1,2]");
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("[1,2]", done.Output);
        var mapRunArn = done.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        var children = (await sfn.OkAsync("ListExecutions", new { mapRunArn }))["executions"]!.AsArray();
        Assert.All(children, c => Assert.Contains(":express:sm/Each:", c!["executionArn"]!.GetValue<string>(), StringComparison.Ordinal));
        var described = await sfn.OkAsync("DescribeExecution", new { executionArn = children[0]!["executionArn"]!.GetValue<string>() });
        Assert.Equal(mapRunArn, described["mapRunArn"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateMapRun_WhileRunning_ChangesTheTolerance()
    {
        await using var sfn = new SfnHarness();
        var waitThenFail = J("'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'Next':'F'},'F':{'Type':'Fail','Error':'E'}}");
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Distributed(waitThenFail, "\"MaxConcurrency\":1,")), "[1,2]");
        await sfn.IdleAsync(execution);
        var mapRunArn = (await sfn.OkAsync("ListMapRuns", new { executionArn = execution }))["mapRuns"]![0]!["mapRunArn"]!.GetValue<string>();
        var child = (await sfn.OkAsync("ListExecutions", new { mapRunArn }))["executions"]![0]!["executionArn"]!.GetValue<string>();
        await sfn.IdleAsync(child);

        await sfn.OkAsync("UpdateMapRun", new { mapRunArn, toleratedFailurePercentage = 100.0 });
        var described = await sfn.OkAsync("DescribeMapRun", new { mapRunArn });
        Assert.Equal(100.0, described["toleratedFailurePercentage"]!.GetValue<double>());
        Assert.Equal("RUNNING", described["status"]!.GetValue<string>());
        var done = await RunChildrenToEndAsync(sfn, execution, mapRunArn);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""[{"Error":"E"},{"Error":"E"}]""", done.Output);
    }

    [Fact]
    public async Task MapRunOperations_BadInput_AwsErrors()
    {
        await using var sfn = new SfnHarness();
        const string unknown = "arn:aws:states:us-east-1:000000000000:mapRun:sm/Each:0b6a3c9e-0000-0000-0000-000000000000";

        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("DescribeMapRun", new { mapRunArn = unknown })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DescribeMapRun", new { mapRunArn = "arn:aws:states:us-east-1:000000000000:execution:sm:x" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("DescribeMapRun", new { })).Code);
        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("UpdateMapRun", new { mapRunArn = unknown, maxConcurrency = 1 })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("UpdateMapRun", new { mapRunArn = unknown, toleratedFailurePercentage = 101.0 })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("UpdateMapRun", new { mapRunArn = unknown })).Code);
        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("ListMapRuns", new { executionArn = "arn:aws:states:us-east-1:000000000000:execution:sm:none" })).Code);
        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("ListExecutions", new { mapRunArn = unknown })).Code);
    }

    [Theory]
    [InlineData("'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'b','Key':'k'}},", "ItemReader reads or writes Amazon S3, which LocalCloud does not host")]
    [InlineData("'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'b','Prefix':'p'}},", "ResultWriter reads or writes Amazon S3, which LocalCloud does not host")]
    public async Task Create_WithS3Reader_RefusedSayingWhy(string field, string expected)
    {
        await using var sfn = new SfnHarness();
        var (code, message) = await sfn.ErrorAsync("CreateStateMachine", new { name = "x", definition = Distributed(PassThrough, J(field)), roleArn = SfnHarness.Role });

        Assert.Equal("InvalidDefinition", code);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DistributedOnlyFieldsOnInlineMap_Refused()
    {
        await using var sfn = new SfnHarness();
        const string definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":{"MaxItemsPerBatch":2},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        var (code, message) = await sfn.ErrorAsync("CreateStateMachine", new { name = "x", definition, roleArn = SfnHarness.Role });

        Assert.Equal("InvalidDefinition", code);
        Assert.Contains("'ItemBatcher' is only supported when the ProcessorConfig Mode is DISTRIBUTED", message, StringComparison.Ordinal);
        Assert.Equal("InvalidDefinition", (await sfn.ErrorAsync("CreateStateMachine",
            new { name = "y", definition = Distributed(PassThrough).Replace("\"STANDARD\"", "\"OTHER\"", StringComparison.Ordinal), roleArn = SfnHarness.Role })).Code);
    }

    [Fact]
    public async Task MapRun_AfterKill_StillDescribable()
    {
        var before = new SfnHarness(new InMemoryDurableStore());
        var execution = await before.StartAsync(await before.CreateAsync(Distributed(PassThrough)), "[1,2]");
        var done = await before.FinishedAsync(execution);
        var mapRunArn = done.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();

        await using var after = before.Restart(TimeSpan.FromSeconds(5));
        var described = await after.OkAsync("DescribeMapRun", new { mapRunArn });
        var listed = (await after.OkAsync("ListMapRuns", new { executionArn = execution }))["mapRuns"]!.AsArray();

        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
        Assert.Equal(2, described["itemCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Single(listed);
    }

    /// <summary>Advances the clock whenever the running child parks, until the parent ends.</summary>
    private static async Task<LocalCloud.StepFunctions.Engine.ExecutionSnapshot> RunChildrenToEndAsync(SfnHarness sfn, string execution, string mapRunArn)
    {
        var finished = sfn.FinishedAsync(execution);
        for (var i = 0; i < 100 && !finished.IsCompleted; i++)
        {
            await sfn.IdleAsync(execution);
            foreach (var child in (await sfn.OkAsync("ListExecutions", new { mapRunArn, statusFilter = "RUNNING" }))["executions"]!.AsArray())
            {
                await sfn.IdleAsync(child!["executionArn"]!.GetValue<string>());
            }
            if (!finished.IsCompleted)
            {
                sfn.Time.Advance(TimeSpan.FromSeconds(10));
            }
        }
        return await finished;
    }
    [Fact]
    public async Task Redrive_FailedMapRun_RedrivesTheSameRunForItsUnsuccessfulItems()
    {
        await using var sfn = new SfnHarness();
        var broken = true;
        sfn.Lambda.Answers("work", r =>
        {
            var item = System.Text.Encoding.UTF8.GetString(r.Payload.Span);
            var fails = broken && item == "\"bad\"";
            return Task.FromResult(new LocalCloud.Core.Ports.LambdaInvokeResult(200,
                fails ? System.Text.Encoding.UTF8.GetBytes("""{"errorType":"Boom","errorMessage":"x"}""") : r.Payload, fails ? "Unhandled" : null));
        });
        var definition = Distributed(J("'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:000000000000:function:work','End':true}}"),
            "\"MaxConcurrency\":1,");
        var execution = await sfn.StartAsync(await sfn.CreateAsync(definition), """["ok","bad","last"]""");
        var failed = await sfn.FinishedAsync(execution);
        Assert.Equal("FAILED", failed.Status);
        var mapRunArn = failed.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        var callsBefore = sfn.Lambda.Invocations.Count;

        broken = false;
        await sfn.OkAsync("RedriveExecution", new { executionArn = execution });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""["ok","bad","last"]""", done.Output);
        var redriven = done.History.Single(e => e.Type == "MapRunRedriven");
        Assert.Equal(mapRunArn, redriven.Details!["mapRunArn"]!.GetValue<string>());
        Assert.Equal(1, redriven.Details!["redriveCount"]!.GetValue<int>());
        Assert.Single(done.History, e => e.Type == "MapRunStarted");
        Assert.Equal(["\"bad\"", "\"last\""], sfn.Lambda.Invocations.Skip(callsBefore).Select(r => System.Text.Encoding.UTF8.GetString(r.Payload.Span)));
        var described = await sfn.OkAsync("DescribeMapRun", new { mapRunArn });
        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
        Assert.Equal(1, described["redriveCount"]!.GetValue<int>());
        Assert.NotNull(described["redriveDate"]);
        Assert.Equal(3, described["itemCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Equal(0, described["itemCounts"]!["failed"]!.GetValue<long>());
        Assert.Single((await sfn.OkAsync("ListMapRuns", new { executionArn = execution }))["mapRuns"]!.AsArray());
    }
}
