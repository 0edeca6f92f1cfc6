using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using LocalCloud.Lambda.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Lambda.Tests;

/// <summary>Worker lifetimes: reuse, queuing, idle reaping, retirement on change, custom runtimes.</summary>
public sealed class WorkerPoolTests(LambdaFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IdleWorker_AfterIdleTimeout_IsStoppedAndNextCallStartsCold()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(time, o => o.WorkerIdleTimeout = TimeSpan.FromMinutes(5));
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("idle", "WhoAmI", fixture.Zip);
        var firstPid = LambdaApi.Json(await api.InvokeAsync("idle", "{}")).GetProperty("pid").GetInt32();
        using var first = Process.GetProcessById(firstPid);

        time.Advance(TimeSpan.FromMinutes(4));
        var stillWarm = LambdaApi.Json(await api.InvokeAsync("idle", "{}")).GetProperty("pid").GetInt32();
        time.Advance(TimeSpan.FromMinutes(5));
        await first.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Guard, TestContext.Current.CancellationToken);
        var afterReap = LambdaApi.Json(await api.InvokeAsync("idle", "{}")).GetProperty("pid").GetInt32();

        Assert.Equal(firstPid, stillWarm);
        Assert.NotEqual(firstPid, afterReap);
    }

    [Fact]
    public async Task ConcurrentInvocations_BeyondMaxWorkers_QueueForTheBusyWorker()
    {
        await using var host = await TestHost.StartAsync(configure: o => o.MaxWorkersPerFunction = 1);
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("queued", "WhoAmI", fixture.Zip);

        var responses = await Task.WhenAll(api.InvokeAsync("queued", "{}"), api.InvokeAsync("queued", "{}"), api.InvokeAsync("queued", "{}"));

        var bodies = responses.Select(LambdaApi.Json).ToList();
        Assert.Single(bodies.Select(b => b.GetProperty("pid").GetInt32()).Distinct());
        Assert.Equal([1, 2, 3], bodies.Select(b => b.GetProperty("count").GetInt32()).Order());
    }

    [Fact]
    public async Task DeleteFunction_StopsItsWorkers()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("delworkers");
        // A generous Timeout: under heavy load the default 3 s can run out before the starved worker answers, and
        // then there is no pid to watch. What is asserted (the worker stops on delete) does not depend on it.
        await api.CreateFunctionAsync(name, "WhoAmI", fixture.Zip, timeout: 60);
        var pid = LambdaApi.Json(await api.InvokeAsync(name, "{}")).GetProperty("pid").GetInt32();
        using var worker = Process.GetProcessById(pid);
        Assert.False(worker.HasExited, "the warm worker should be waiting for its next invocation before the delete");

        await api.SendAsync("DELETE", $"/2015-03-31/functions/{name}");

        // Idle workers are reaped after 5 minutes (LambdaOptions.WorkerIdleTimeout), far beyond Guard: an exit within
        // Guard is the delete's doing.
        Assert.True(await ExitsWithinAsync(worker, Guard), $"worker {pid} still running {Guard.TotalSeconds} s after DeleteFunction");
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan limit)
    {
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(limit, TestContext.Current.CancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    [Fact]
    public async Task UpdateFunctionCode_RetiresWarmWorker()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("newcode");
        await api.CreateFunctionAsync(name, "WhoAmI", fixture.Zip);
        var before = LambdaApi.Json(await api.InvokeAsync(name, "{}")).GetProperty("pid").GetInt32();
        using var old = Process.GetProcessById(before);

        var update = await api.SendAsync("PUT", $"/2015-03-31/functions/{name}/code", new { ZipFile = fixture.Zip });
        await api.SettledAsync(name);
        var after = LambdaApi.Json(await api.InvokeAsync(name, "{}")).GetProperty("pid").GetInt32();

        Assert.Equal(200, update.Status);
        Assert.NotEqual(before, after);
        await old.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Guard, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ProvidedRuntime_RunsBootstrapEvenWithoutExecuteBit()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("provided");
        var defaults = new LambdaOptions();
        // A custom runtime whose bootstrap hands over to LocalCloud's dotnet runtime: proves bootstrap, chmod and environment.
        var zip = WithBootstrap(fixture.Zip, "#!/bin/sh\nexec \"$LC_DOTNET\" \"$LC_RUNTIME_HOST\"\n");
        var created = await api.CreateAsync(new
        {
            FunctionName = name,
            Runtime = "provided.al2023",
            Role = LambdaApi.Role,
            Handler = LambdaApi.Handler("Echo"),
            Code = new { ZipFile = zip },
            Environment = new { Variables = new Dictionary<string, string> { ["LC_DOTNET"] = defaults.DotnetExecutable, ["LC_RUNTIME_HOST"] = defaults.DotnetRuntimeHostPath } },
        });
        await api.SettledAsync(name);

        var response = await api.InvokeAsync(name, """{"custom":true}""");

        Assert.Equal(201, created.Status);
        Assert.Equal("""{"custom":true}""", response.BodyText);
    }

    [Fact]
    public async Task ProvidedRuntime_NoBootstrap_ReturnsInvalidEntrypoint()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("nobootstrap");
        var created = await api.CreateAsync(new { FunctionName = name, Runtime = "provided.al2", Role = LambdaApi.Role, Handler = "unused", Code = new { ZipFile = ControlPlaneTests.ZipWith("readme.txt", "no bootstrap here") } });
        await api.SettledAsync(name);

        var response = await api.InvokeAsync(name, "{}");

        Assert.Equal(201, created.Status);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("Runtime.InvalidEntrypoint", error.GetProperty("errorType").GetString());
        Assert.Contains("Couldn't find valid bootstrap(s)", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        // The OS's reason rides along, so a rare start failure says which errno it was.
        Assert.Matches(@"\(errno \d+: .+\)$", error.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task DisposeAsync_WithBusyWorker_StopsItAndEndsTheInvocation()
    {
        var host = await TestHost.StartAsync();
        await using (host)
        {
            var api = new LambdaApi(host.Service);
            await api.CreateFunctionAsync("busy", "SignalThenHang", fixture.Zip, timeout: 900);
            var key = "\"" + Guid.NewGuid().ToString("N") + "\"";
            var running = host.SignalAsync(key);
            var invoke = api.InvokeAsync("busy", key);
            await running.WaitAsync(Guard, TestContext.Current.CancellationToken);

            await host.Service.DisposeAsync();

            var response = await invoke.WaitAsync(Guard, TestContext.Current.CancellationToken);
            Assert.Equal("Runtime.ExitError", LambdaApi.Json(response).GetProperty("errorType").GetString());
        }
    }

    [Fact]
    public async Task RuntimeApi_UnknownWorker_IsRefused()
    {
        var response = await fixture.Api.SendAsync("GET", "/_localcloud/lambda-runtime/0123456789abcdef0123456789abcdef/2018-06-01/runtime/invocation/next");

        Assert.Equal(403, response.Status);
        Assert.Equal("Worker.Unknown", JsonDocument.Parse(response.Body).RootElement.GetProperty("errorType").GetString());
    }

    private static byte[] WithBootstrap(byte[] zip, string bootstrap)
    {
        using var buffer = new MemoryStream();
        buffer.Write(zip);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.CreateEntry("bootstrap");
            // Mode 0644: the service must add the execute bit itself, as Lambda does for zips made on Windows.
            entry.ExternalAttributes = Convert.ToInt32("100644", 8) << 16;
            using var writer = new StreamWriter(entry.Open());
            writer.Write(bootstrap);
        }
        return buffer.ToArray();
    }
}
