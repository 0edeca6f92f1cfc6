using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>RedriveExecution: an unsuccessful execution restarts at the state it ended in, keeping its ARN and history.</summary>
public sealed class RedriveTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:000000000000:function:work";

    // Prepare runs once; Work fails until the function is fixed, and reports $$.Execution.RedriveCount.
    private const string Definition = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Result":{"prepared":true},"ResultPath":"$.p","Next":"Work"},
          "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"work","Payload":{"count.$":"$$.Execution.RedriveCount","in.$":"$"}},
                  "OutputPath":"$.Payload","End":true}}}
        """;

    private static async Task<(string Machine, string Execution)> FailedOnceAsync(SfnHarness sfn)
    {
        sfn.Lambda.FailsWith("work", "Boom", "broken");
        var machine = await sfn.CreateAsync(Definition);
        var execution = await sfn.StartAsync(machine, """{"a":1}""");
        Assert.Equal("FAILED", (await sfn.FinishedAsync(execution)).Status);
        return (machine, execution);
    }

    [Fact]
    public async Task Redrive_FailedTask_RestartsAtTheFailedStateWithItsInput()
    {
        await using var sfn = new SfnHarness();
        var (_, execution) = await FailedOnceAsync(sfn);
        sfn.Lambda.Answers("work", r => Task.FromResult(new LocalCloud.Core.Ports.LambdaInvokeResult(200, r.Payload, null)));
        sfn.Time.Advance(TimeSpan.FromHours(1));

        var answer = await sfn.OkAsync("RedriveExecution", new { executionArn = execution });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal(SfnHarness.Epoch.AddHours(1).ToUnixTimeSeconds(), answer["redriveDate"]!.GetValue<double>());
        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"count":1,"in":{"a":1,"p":{"prepared":true}}}""", done.Output);
        var types = SfnHarness.Types(done);
        Assert.Equal(1, types.Count(t => t == "PassStateEntered"));
        Assert.Equal(2, types.Count(t => t == "TaskStateEntered"));
        var redriven = done.History.Single(e => e.Type == "ExecutionRedriven");
        Assert.Equal("executionRedrivenEventDetails", redriven.DetailsMember);
        Assert.Equal(1, redriven.Details!["redriveCount"]!.GetValue<int>());
        Assert.Equal("ExecutionFailed", done.History[(int)redriven.Id - 2].Type);
        Assert.Equal("TaskStateEntered", done.History[(int)redriven.Id].Type);

        var described = await sfn.OkAsync("DescribeExecution", new { executionArn = execution });
        Assert.Equal(1, described["redriveCount"]!.GetValue<int>());
        Assert.NotNull(described["redriveDate"]);
        Assert.Equal("NOT_REDRIVABLE", described["redriveStatus"]!.GetValue<string>());
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven", described["redriveStatusReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redrive_Succeeded_ExecutionNotRedrivable()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"""));
        await sfn.FinishedAsync(execution);

        var (code, message) = await sfn.ErrorAsync("RedriveExecution", new { executionArn = execution });

        Assert.Equal("ExecutionNotRedrivable", code);
        Assert.Contains("Execution is SUCCEEDED and cannot be redriven", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_AfterFourteenDays_RedrivablePeriodExceeded()
    {
        await using var sfn = new SfnHarness();
        var (_, execution) = await FailedOnceAsync(sfn);
        var described = await sfn.OkAsync("DescribeExecution", new { executionArn = execution });
        Assert.Equal("REDRIVABLE", described["redriveStatus"]!.GetValue<string>());
        Assert.Null(described["redriveStatusReason"]);

        sfn.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        var (code, message) = await sfn.ErrorAsync("RedriveExecution", new { executionArn = execution });

        Assert.Equal("ExecutionNotRedrivable", code);
        Assert.Contains("Execution redrivable period exceeded", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_Running_NotRedrivable_AndBadInputRefused()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}"""));
        await sfn.IdleAsync(execution);

        Assert.Contains("RUNNING", (await sfn.ErrorAsync("RedriveExecution", new { executionArn = execution })).Message, StringComparison.Ordinal);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("RedriveExecution", new { executionArn = execution, clientToken = "" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("RedriveExecution", new { })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("RedriveExecution", new { executionArn = "nope" })).Code);
        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("RedriveExecution", new { executionArn = execution + "x" })).Code);
    }

    [Fact]
    public async Task Redrive_SameClientToken_AnswersTheSameRedriveOnce()
    {
        await using var sfn = new SfnHarness();
        var (_, execution) = await FailedOnceAsync(sfn);

        var first = await sfn.OkAsync("RedriveExecution", new { executionArn = execution, clientToken = "tok-1" });
        await sfn.FinishedAsync(execution);
        sfn.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await sfn.OkAsync("RedriveExecution", new { executionArn = execution, clientToken = "tok-1" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal(first["redriveDate"]!.GetValue<double>(), again["redriveDate"]!.GetValue<double>());
        Assert.Single(done.History, e => e.Type == "ExecutionRedriven");
        Assert.Equal("FAILED", done.Status);
    }

    [Fact]
    public async Task Redrive_Aborted_RestartsTheStoppedWait()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Next":"W"},"W":{"Type":"Wait","Seconds":10,"End":true}}}"""), """{"x":2}""");
        await sfn.IdleAsync(execution);
        await sfn.OkAsync("StopExecution", new { executionArn = execution });
        Assert.Equal("ABORTED", (await sfn.FinishedAsync(execution)).Status);

        await sfn.OkAsync("RedriveExecution", new { executionArn = execution });
        var done = await sfn.RunToEndAsync(execution, TimeSpan.FromSeconds(10));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"x":2}""", done.Output);
        Assert.Equal(2, SfnHarness.Types(done).Count(t => t == "WaitStateEntered"));
    }

    [Fact]
    public async Task ListExecutions_RedriveFilter_SplitsRedrivenFromNot()
    {
        await using var sfn = new SfnHarness();
        var (machine, redriven) = await FailedOnceAsync(sfn);
        var other = await sfn.StartAsync(machine, "{}", "other");
        await sfn.FinishedAsync(other);
        await sfn.OkAsync("RedriveExecution", new { executionArn = redriven });
        await sfn.FinishedAsync(redriven);

        var yes = (await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine, redriveFilter = "REDRIVEN" }))["executions"]!.AsArray();
        var no = (await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine, redriveFilter = "NOT_REDRIVEN" }))["executions"]!.AsArray();

        Assert.Equal(redriven, Assert.Single(yes)!["executionArn"]!.GetValue<string>());
        Assert.Equal(1, yes[0]!["redriveCount"]!.GetValue<int>());
        Assert.NotNull(yes[0]!["redriveDate"]);
        Assert.Equal(other, Assert.Single(no)!["executionArn"]!.GetValue<string>());
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("ListExecutions", new { stateMachineArn = machine, redriveFilter = "SOME" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("ListExecutions", new { stateMachineArn = machine, statusFilter = "PENDING_REDRIVE" })).Code);
    }

    [Fact]
    public async Task Redrive_AfterKill_RestoredFromTheStore()
    {
        var store = new InMemoryDurableStore();
        var before = new SfnHarness(store);
        var (_, execution) = await FailedOnceAsync(before);

        await using var after = before.Restart(TimeSpan.FromMinutes(5), s => s.Lambda.Returns("work", "\"fixed\""));
        await after.OkAsync("RedriveExecution", new { executionArn = execution });
        var done = await after.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("\"fixed\"", done.Output);
        Assert.Single(done.History, e => e.Type == "ExecutionRedriven");
    }

    [Fact]
    public async Task Redriven_KilledWhileRunning_ResumesWithItsCount()
    {
        var store = new InMemoryDurableStore();
        var before = new SfnHarness(store);
        var machine = await before.CreateAsync(
            """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"F"},"F":{"Type":"Pass","Parameters":{"c.$":"$$.Execution.RedriveCount"},"End":true}}}""");
        var execution = await before.StartAsync(machine);
        await before.IdleAsync(execution);
        await before.OkAsync("StopExecution", new { executionArn = execution });
        await before.FinishedAsync(execution);
        await before.OkAsync("RedriveExecution", new { executionArn = execution });
        await before.IdleAsync(execution);

        await using var after = before.Restart(TimeSpan.FromSeconds(1));
        var described = await after.OkAsync("DescribeExecution", new { executionArn = execution });
        Assert.True(described["status"]!.GetValue<string>() == "RUNNING", described.ToJsonString());
        Assert.Equal(1, described["redriveCount"]!.GetValue<int>());
        var done = await after.RunToEndAsync(execution, TimeSpan.FromSeconds(10));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"c":1}""", done.Output);
    }
    [Fact]
    public async Task Redrive_Map_RerunsOnlyTheFailedIteration()
    {
        await using var sfn = new SfnHarness();
        var broken = true;
        sfn.Lambda.Answers("work", r =>
        {
            var item = System.Text.Encoding.UTF8.GetString(r.Payload.Span);
            var fails = broken && item == "2";
            return Task.FromResult(new LocalCloud.Core.Ports.LambdaInvokeResult(200,
                fails ? System.Text.Encoding.UTF8.GetBytes("""{"errorType":"Boom","errorMessage":"x"}""") : r.Payload, fails ? "Unhandled" : null));
        });
        var machine = await sfn.CreateAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task",
              "Resource":"arn:aws:lambda:us-east-1:000000000000:function:work","End":true}}},"End":true}}}
            """);
        var execution = await sfn.StartAsync(machine, "[1,2,3]");
        Assert.Equal("FAILED", (await sfn.FinishedAsync(execution)).Status);
        var callsBefore = sfn.Lambda.Invocations.Count;

        broken = false;
        await sfn.OkAsync("RedriveExecution", new { executionArn = execution });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("[1,2,3]", done.Output);
        // One at a time: 1 succeeded, 2 failed, 3 never started; the redrive runs 2 and 3 only.
        Assert.Equal(2, callsBefore);
        Assert.Equal(["2", "3"], sfn.Lambda.Invocations.Skip(callsBefore).Select(r => System.Text.Encoding.UTF8.GetString(r.Payload.Span)));
        var afterRedrive = done.History.SkipWhile(e => e.Type != "ExecutionRedriven").ToList();
        Assert.Equal([1, 2], afterRedrive.Where(e => e.Type == "MapIterationStarted").Select(e => e.Details!["index"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Redrive_Parallel_AfterKill_RerunsOnlyTheFailedBranch()
    {
        var store = new InMemoryDurableStore();
        var before = new SfnHarness(store);
        before.Lambda.FailsWith("bad", "Boom", "x");
        var machine = await before.CreateAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:good","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:bad","End":true}}}],"End":true}}}
            """);
        var execution = await before.StartAsync(machine, """{"k":1}""");
        Assert.Equal("FAILED", (await before.FinishedAsync(execution)).Status);

        await using var after = before.Restart(TimeSpan.FromMinutes(1), s => s.Lambda.Returns("bad", "\"mended\""));
        await after.OkAsync("RedriveExecution", new { executionArn = execution });
        var done = await after.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""[{"k":1},"mended"]""", done.Output);
        Assert.Equal("bad", Assert.Single(after.Lambda.Invocations).FunctionName.Split(':')[^1]);
    }
}
