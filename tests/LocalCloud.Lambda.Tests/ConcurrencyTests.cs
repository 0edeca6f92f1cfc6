using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>Reserved concurrency: the operations, throttling of synchronous calls, the account's unreserved minimum.</summary>
public sealed class ConcurrencyTests(LambdaFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PutFunctionConcurrency_GetAndDelete_RoundTripAndShowInGetFunction()
    {
        // An account of its own, so the unreserved count is not shared with other tests.
        var api = new LambdaApi(fixture.Host.Service, "111122223333");
        var name = LambdaFixture.UniqueName("conc");
        await api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var put = LambdaApi.Json(await api.SendAsync("PUT", $"/2017-10-31/functions/{name}/concurrency", new { ReservedConcurrentExecutions = 7 }));
        var got = LambdaApi.Json(await api.SendAsync("GET", $"/2019-09-30/functions/{name}/concurrency"));
        var function = LambdaApi.Json(await api.SendAsync("GET", $"/2015-03-31/functions/{name}"));
        var settings = LambdaApi.Json(await api.SendAsync("GET", "/2016-08-19/account-settings"));
        var deleted = await api.SendAsync("DELETE", $"/2017-10-31/functions/{name}/concurrency");
        var afterDelete = LambdaApi.Json(await api.SendAsync("GET", $"/2019-09-30/functions/{name}/concurrency"));

        Assert.Equal(7, put.GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.Equal(7, got.GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.Equal(7, function.GetProperty("Concurrency").GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.Equal(993, settings.GetProperty("AccountLimit").GetProperty("UnreservedConcurrentExecutions").GetInt32());
        Assert.Equal(204, deleted.Status);
        Assert.False(afterDelete.TryGetProperty("ReservedConcurrentExecutions", out _));
    }

    [Fact]
    public async Task PutFunctionConcurrency_LeavingUnderOneHundredUnreserved_ReturnsInvalidParameterValue()
    {
        var api = new LambdaApi(fixture.Host.Service, "222233334444");
        var name = LambdaFixture.UniqueName("conclimit");
        await api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var tooMuch = await api.SendAsync("PUT", $"/2017-10-31/functions/{name}/concurrency", new { ReservedConcurrentExecutions = 901 });
        var negative = await api.SendAsync("PUT", $"/2017-10-31/functions/{name}/concurrency", new { ReservedConcurrentExecutions = -1 });
        var most = await api.SendAsync("PUT", $"/2017-10-31/functions/{name}/concurrency", new { ReservedConcurrentExecutions = 900 });

        ControlPlaneTests.AssertError(tooMuch, 400, "InvalidParameterValueException", "below its minimum value of [100]");
        ControlPlaneTests.AssertError(negative, 400, "ValidationException", "reservedConcurrentExecutions");
        Assert.Equal(200, most.Status);
    }

    [Fact]
    public async Task Invoke_ReservedConcurrencyZero_ThrottlesWithTooManyRequests()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("throttled");
        await api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        await api.SendAsync("PUT", $"/2017-10-31/functions/{name}/concurrency", new { ReservedConcurrentExecutions = 0 });

        var response = await api.InvokeAsync(name, "{}");
        var throughPort = await Assert.ThrowsAsync<AwsServiceException>(() => fixture.Invoker.InvokeAsync(new LambdaInvokeRequest(name, "{}"u8.ToArray()), RequestContext.Default(), TestContext.Current.CancellationToken));

        ControlPlaneTests.AssertError(response, 429, "TooManyRequestsException", "Rate Exceeded.");
        Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", LambdaApi.Json(response).GetProperty("Reason").GetString());
        Assert.Equal(("TooManyRequestsException", 429), (throughPort.ErrorCode, throughPort.StatusCode));
        Assert.DoesNotContain(fixture.Host.Service.RecentInvocations(), r => r.FunctionName == name);
    }

    [Fact]
    public async Task Invoke_BeyondReservedConcurrency_ThrottlesOnlyTheExtraCall()
    {
        var host = await TestHost.StartAsync();
        await using (host)
        {
            var api = new LambdaApi(host.Service);
            await api.CreateFunctionAsync("one-at-a-time", "SignalThenHang", fixture.Zip, timeout: 900);
            await api.SendAsync("PUT", "/2017-10-31/functions/one-at-a-time/concurrency", new { ReservedConcurrentExecutions = 1 });
            var key = "\"" + Guid.NewGuid().ToString("N") + "\"";
            var running = host.SignalAsync(key);
            var first = api.InvokeAsync("one-at-a-time", key);
            await running.WaitAsync(Guard, TestContext.Current.CancellationToken);

            var second = await api.InvokeAsync("one-at-a-time", "{}");

            ControlPlaneTests.AssertError(second, 429, "TooManyRequestsException", "Rate Exceeded.");
            Assert.False(first.IsCompleted);
            await host.Service.DisposeAsync();
            await first.WaitAsync(Guard, TestContext.Current.CancellationToken);
        }
    }
}
