using Aws.Clients.StepFunctions;
using Poc.Cli.Endpoints;

namespace CrashRecovery.Tests;

public sealed class TerminateTests : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-term-" + Guid.NewGuid().ToString("N"));
    private LocalCloudProcess? _cloud;

    /// <summary>ASP.NET's console lifetime once swallowed SIGTERM and LocalCloud ran on; a polite stop must stop it.</summary>
    [Fact]
    public async Task Sigterm_StopsLocalCloudPromptly_AndItsStateIsThereOnTheNextStart()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = LocalCloudProcess.FreePort();
        _cloud = await LocalCloudProcess.StartAsync(port, _data, 1.0, ct);
        string arn;
        using (var env = PocEnvironment.ForLocalCloud(_cloud.BaseUrl, 1.0))
        {
            arn = (await env.StepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
            {
                Name = "survives-sigterm",
                RoleArn = "arn:aws:iam::000000000000:role/any",
                Definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""",
            }, ct)).StateMachineArn;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        var exitCode = await _cloud.TerminateAsync(limit.Token);

        Assert.Equal(143, exitCode); // 128 + SIGTERM, the Unix convention System.CommandLine follows.
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(port, _data, 1.0, ct);
        using var again = PocEnvironment.ForLocalCloud(_cloud.BaseUrl, 1.0);
        var described = await again.StepFunctions.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, ct);
        Assert.Equal("survives-sigterm", described.Name);
    }

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
