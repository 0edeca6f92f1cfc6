using System.Security.Cryptography;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>Function states as AWS reports them: Pending → Active after create, InProgress → Successful after updates.</summary>
public sealed class FunctionStateTests(LambdaFixture fixture)
{
    [Fact]
    public async Task CreateFunction_AnswersPending_ThenGetFunctionShowsActive()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("pending");

        var created = LambdaApi.Json(await api.CreateAsync(new { FunctionName = name, Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip } }));
        await api.SettledAsync(name);
        // What `aws lambda wait function-active-v2` polls: GetFunction's Configuration.State.
        var active = LambdaApi.Json(await api.SendAsync("GET", $"/2015-03-31/functions/{name}")).GetProperty("Configuration");

        Assert.Equal(("Pending", "The function is being created.", "Creating"), (created.GetProperty("State").GetString(), created.GetProperty("StateReason").GetString(), created.GetProperty("StateReasonCode").GetString()));
        Assert.Equal(("InProgress", "Creating"), (created.GetProperty("LastUpdateStatus").GetString(), created.GetProperty("LastUpdateStatusReasonCode").GetString()));
        Assert.Equal(("Active", "Successful"), (active.GetProperty("State").GetString(), active.GetProperty("LastUpdateStatus").GetString()));
        Assert.False(active.TryGetProperty("StateReason", out _));
        Assert.False(active.TryGetProperty("StateReasonCode", out _));
    }

    [Fact]
    public async Task Invoke_WhilePending_ReturnsResourceConflictNamingTheState()
    {
        await using var host = await TestHost.StartAsync();
        var api = new LambdaApi(host.Service);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Service.Lifecycle.Gate = () => gate.Task;
        await api.CreateAsync(new { FunctionName = "early", Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip } });

        var invoke = await api.InvokeAsync("early", "{}");
        var update = await api.SendAsync("PUT", "/2015-03-31/functions/early/configuration", new { Timeout = 10 });
        var whilePending = await api.ConfigurationAsync("early");
        gate.SetResult();
        await api.SettledAsync("early");
        var dryRun = await api.InvokeAsync("early", "{}", invocationType: "DryRun");

        ControlPlaneTests.AssertError(invoke, 409, "ResourceConflictException", "The operation cannot be performed at this time. The function is currently in the following state: Pending");
        ControlPlaneTests.AssertError(update, 409, "ResourceConflictException", "following state: Pending");
        Assert.Equal("Pending", whilePending.GetProperty("State").GetString());
        Assert.Equal(204, dryRun.Status);
    }

    [Fact]
    public async Task UpdateFunctionCode_InProgressUntilUnpacked_RefusesAnotherUpdateMeanwhile()
    {
        await using var host = await TestHost.StartAsync();
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("updating", "Echo", fixture.Zip);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Service.Lifecycle.Gate = () => gate.Task;
        var other = ControlPlaneTests.ZipWith("bootstrap", "#!/bin/sh\n");

        var update = LambdaApi.Json(await api.SendAsync("PUT", "/2015-03-31/functions/updating/code", new { ZipFile = other }));
        var second = await api.SendAsync("PUT", "/2015-03-31/functions/updating/configuration", new { Timeout = 10 });
        var during = await api.ConfigurationAsync("updating");
        gate.SetResult();
        await api.SettledAsync("updating");
        var after = await api.ConfigurationAsync("updating");

        Assert.Equal(("Active", "InProgress"), (update.GetProperty("State").GetString(), update.GetProperty("LastUpdateStatus").GetString()));
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(other)), update.GetProperty("CodeSha256").GetString());
        ControlPlaneTests.AssertError(second, 409, "ResourceConflictException", "An update is in progress for resource: arn:aws:lambda:us-east-1:000000000000:function:updating");
        Assert.Equal("InProgress", during.GetProperty("LastUpdateStatus").GetString());
        Assert.Equal("Successful", after.GetProperty("LastUpdateStatus").GetString());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(other)), after.GetProperty("CodeSha256").GetString());
    }

    [Fact]
    public async Task UpdateFunctionCode_WhileInProgress_InvocationsRunThePreviousCode()
    {
        await using var host = await TestHost.StartAsync();
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("oldcode", "Echo", fixture.Zip);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Service.Lifecycle.Gate = () => gate.Task;

        await api.SendAsync("PUT", "/2015-03-31/functions/oldcode/code", new { ZipFile = ControlPlaneTests.ZipWith("readme.txt", "no assembly here") });
        var during = await api.InvokeAsync("oldcode", """{"still":"old"}""");
        gate.SetResult();
        await api.SettledAsync("oldcode");
        var after = await api.InvokeAsync("oldcode", "{}");

        Assert.Equal("""{"still":"old"}""", during.BodyText);
        Assert.Equal("Unhandled", after.Headers["X-Amz-Function-Error"]);
    }

    [Fact]
    public async Task UpdateFunctionConfiguration_AnswersInProgress_ThenSuccessful()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("cfgstate");
        await api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var update = LambdaApi.Json(await api.SendAsync("PUT", $"/2015-03-31/functions/{name}/configuration", new { Timeout = 10 }));
        await api.SettledAsync(name);
        var after = await api.ConfigurationAsync(name);

        Assert.Equal("InProgress", update.GetProperty("LastUpdateStatus").GetString());
        Assert.Equal(("Successful", 10), (after.GetProperty("LastUpdateStatus").GetString(), after.GetProperty("Timeout").GetInt32()));
    }
}
