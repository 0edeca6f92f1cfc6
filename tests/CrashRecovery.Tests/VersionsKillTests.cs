using System.Text.Json;

namespace CrashRecovery.Tests;

/// <summary>
/// #14's persistence for versions and aliases, with a real SIGKILL: versions, aliases and the version counter survive,
/// an execution started through an alias and waiting at the kill resumes on its version, and keeps its version and alias ARNs.
/// </summary>
public sealed class VersionsKillTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::000000000000:role/r";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-versions-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LocalCloudProcess.FreePort();
    private LocalCloudProcess? _cloud;

    [Fact]
    public async Task KillNine_VersionsAliasesAndQualifiedExecutions_Survive()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);
        // Version 1 waits two seconds, long enough to be running at the kill; the latest revision answers "latest".
        var machine = (await CallAsync("CreateStateMachine", new
        {
            name = "versions-kill", roleArn = Role, publish = true, versionDescription = "waits",
            definition = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":2,"Next":"P"},"P":{"Type":"Pass","Result":"v1","End":true}}}""",
        }, ct)).GetProperty("stateMachineArn").GetString()!;
        var v1 = machine + ":1";
        await CallAsync("UpdateStateMachine", new { stateMachineArn = machine, definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"v2","End":true}}}""", publish = true }, ct);
        await CallAsync("DeleteStateMachineVersion", new { stateMachineVersionArn = machine + ":2" }, ct);
        await CallAsync("UpdateStateMachine", new { stateMachineArn = machine, definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"latest","End":true}}}""" }, ct);
        var alias = (await CallAsync("CreateStateMachineAlias", new { name = "live", description = "to v1", routingConfiguration = new[] { new { stateMachineVersionArn = v1, weight = 100 } } }, ct))
            .GetProperty("stateMachineAliasArn").GetString()!;
        var execution = (await CallAsync("StartExecution", new { stateMachineArn = alias }, ct)).GetProperty("executionArn").GetString()!;
        var aliasBefore = (await CallAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = alias }, ct)).GetRawText();

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);

        Assert.Equal(aliasBefore, (await CallAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = alias }, ct)).GetRawText());
        var versions = (await CallAsync("ListStateMachineVersions", new { stateMachineArn = machine }, ct)).GetProperty("stateMachineVersions");
        Assert.Equal([v1], versions.EnumerateArray().Select(v => v.GetProperty("stateMachineVersionArn").GetString()));
        Assert.Equal("waits", (await CallAsync("DescribeStateMachine", new { stateMachineArn = v1 }, ct)).GetProperty("description").GetString());
        Assert.Equal("\"v1\"", await OutputWhenDoneAsync(execution, ct));
        var described = await CallAsync("DescribeExecution", new { executionArn = execution }, ct);
        Assert.Equal(v1, described.GetProperty("stateMachineVersionArn").GetString());
        Assert.Equal(alias, described.GetProperty("stateMachineAliasArn").GetString());
        // Number 2 was deleted before the kill: it is not given again.
        var published = await CallAsync("PublishStateMachineVersion", new { stateMachineArn = machine }, ct);
        Assert.Equal(machine + ":3", published.GetProperty("stateMachineVersionArn").GetString());
    }

    /// <summary>The process signals nothing to this test, so it asks until the execution has left RUNNING (a minute at most).</summary>
    private Task<string?> OutputWhenDoneAsync(string executionArn, CancellationToken ct) => _cloud!.SucceededOutputAsync(executionArn, ct);

    private Task<JsonElement> CallAsync(string operation, object body, CancellationToken ct) => _cloud!.StepFunctionsAsync(operation, body, ct);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
