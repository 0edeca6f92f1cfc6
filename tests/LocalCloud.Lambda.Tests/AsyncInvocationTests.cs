using LocalCloud.Lambda.Execution;
using LocalCloud.Lambda.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Lambda.Tests;

/// <summary>Event invocations: AWS's retries (1 then 2 minutes), event invoke config, maximum event age, throttled events.</summary>
public sealed class AsyncInvocationTests(LambdaFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EventInvoke_FunctionFails_RetriedAfterOneThenTwoMinutesWithTheSameRequestId()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(time);
        var notices = new EventNotices(host.Service);
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("retried", "SignalThenThrow", fixture.Zip);
        var key = Key();

        var response = await api.InvokeAsync("retried", key, invocationType: "Event");
        var first = await notices.NextAsync();
        var afterFirst = host.SignalCount(key);
        time.Advance(TimeSpan.FromSeconds(59));
        var before1Minute = host.SignalCount(key);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await notices.NextAsync();
        var afterSecond = host.SignalCount(key);
        time.Advance(TimeSpan.FromMinutes(2));
        var last = await notices.NextAsync();

        Assert.Equal(202, response.Status);
        Assert.Equal((EventStep.RetryScheduled, 1, TimeSpan.FromMinutes(1)), (first.Step, first.FailedAttempts, first.Delay!.Value));
        Assert.Equal((1, 1, 2), (afterFirst, before1Minute, afterSecond));
        Assert.Equal((EventStep.RetryScheduled, 2, TimeSpan.FromMinutes(2)), (second.Step, second.FailedAttempts, second.Delay!.Value));
        Assert.Equal((EventStep.RetriesExhausted, 3), (last.Step, last.FailedAttempts));
        Assert.Equal(3, host.SignalCount(key));
        var records = host.Service.RecentInvocations().Where(r => r.FunctionName == "retried").ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(first.RequestId, r.RequestId));
        Assert.All(records, r => Assert.Equal("InvalidOperationException", r.ErrorType));
    }

    [Fact]
    public async Task EventInvoke_MaximumRetryAttemptsZero_RunsOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(time);
        var notices = new EventNotices(host.Service);
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("once", "SignalThenThrow", fixture.Zip);
        var put = await api.SendAsync("PUT", "/2019-09-25/functions/once/event-invoke-config", new { MaximumRetryAttempts = 0 });
        var key = Key();

        await api.InvokeAsync("once", key, invocationType: "Event");
        var notice = await notices.NextAsync();

        Assert.Equal(200, put.Status);
        Assert.Equal((EventStep.RetriesExhausted, 1), (notice.Step, notice.FailedAttempts));
        Assert.Equal(1, host.SignalCount(key));
    }

    [Fact]
    public async Task EventInvoke_NextRetryPastMaximumEventAge_IsDropped()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(time);
        var notices = new EventNotices(host.Service);
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("aged", "SignalThenThrow", fixture.Zip);
        await api.SendAsync("PUT", "/2019-09-25/functions/aged/event-invoke-config", new { MaximumEventAgeInSeconds = 90 });
        var key = Key();

        await api.InvokeAsync("aged", key, invocationType: "Event");
        var first = await notices.NextAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await notices.NextAsync();

        Assert.Equal(EventStep.RetryScheduled, first.Step);
        // The second retry would run 3 minutes after the event arrived, past its 90 seconds.
        Assert.Equal((EventStep.Expired, 2), (second.Step, second.FailedAttempts));
        Assert.Equal(2, host.SignalCount(key));
    }

    [Fact]
    public async Task EventInvoke_ReservedConcurrencyZero_WaitsUntilTheReservationIsDeleted()
    {
        await using var host = await TestHost.StartAsync();
        var notices = new EventNotices(host.Service);
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("held", "Signal", fixture.Zip);
        await api.SendAsync("PUT", "/2017-10-31/functions/held/concurrency", new { ReservedConcurrentExecutions = 0 });
        var key = Key();
        var signalled = host.SignalAsync(key);

        var response = await api.InvokeAsync("held", key, invocationType: "Event");
        var throttled = await notices.NextAsync();
        var ranWhileHeld = host.SignalCount(key);
        await api.SendAsync("DELETE", "/2017-10-31/functions/held/concurrency");
        await signalled.WaitAsync(Guard, TestContext.Current.CancellationToken);
        var done = await notices.NextAsync();

        Assert.Equal(202, response.Status);
        Assert.Equal(EventStep.Throttled, throttled.Step);
        Assert.Equal(0, ranWhileHeld);
        Assert.Equal(EventStep.Succeeded, done.Step);
    }

    [Fact]
    public async Task EventInvoke_ThrottledPastMaximumEventAge_IsDroppedWithoutRunning()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(time);
        var notices = new EventNotices(host.Service);
        var api = new LambdaApi(host.Service);
        await api.CreateFunctionAsync("stale", "Signal", fixture.Zip);
        await api.SendAsync("PUT", "/2017-10-31/functions/stale/concurrency", new { ReservedConcurrentExecutions = 0 });
        await api.SendAsync("PUT", "/2019-09-25/functions/stale/event-invoke-config", new { MaximumEventAgeInSeconds = 60 });
        var key = Key();

        await api.InvokeAsync("stale", key, invocationType: "Event");
        var throttled = await notices.NextAsync();
        time.Advance(TimeSpan.FromSeconds(60));
        var expired = await notices.NextAsync();

        Assert.Equal(EventStep.Throttled, throttled.Step);
        Assert.Equal((EventStep.Expired, 0), (expired.Step, expired.FailedAttempts));
        Assert.Equal(0, host.SignalCount(key));
        Assert.DoesNotContain(host.Service.RecentInvocations(), r => r.FunctionName == "stale");
    }

    [Fact]
    public async Task EventInvokeConfig_PutGetUpdateListDelete_RoundTrip()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("eic");
        var created = await api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        var uri = $"/2019-09-25/functions/{name}/event-invoke-config";

        var put = LambdaApi.Json(await api.SendAsync("PUT", uri, new { MaximumRetryAttempts = 1, MaximumEventAgeInSeconds = 3600 }));
        var updated = LambdaApi.Json(await api.SendAsync("POST", uri, new { MaximumEventAgeInSeconds = 120, DestinationConfig = new { OnFailure = new { Destination = "arn:aws:sqs:us-east-1:000000000000:dlq" } } }));
        var got = LambdaApi.Json(await api.SendAsync("GET", uri));
        var list = LambdaApi.Json(await api.SendAsync("GET", uri + "/list"));
        var deleted = await api.SendAsync("DELETE", uri);
        var afterDelete = await api.SendAsync("GET", uri);

        Assert.Equal(created.GetProperty("FunctionArn").GetString(), put.GetProperty("FunctionArn").GetString());
        Assert.Equal((1, 3600), (put.GetProperty("MaximumRetryAttempts").GetInt32(), put.GetProperty("MaximumEventAgeInSeconds").GetInt32()));
        Assert.True(put.GetProperty("LastModified").GetDouble() > 1_600_000_000);
        Assert.Equal((1, 120), (updated.GetProperty("MaximumRetryAttempts").GetInt32(), updated.GetProperty("MaximumEventAgeInSeconds").GetInt32()));
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:dlq", got.GetProperty("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination").GetString());
        Assert.Equal(120, Assert.Single(list.GetProperty("FunctionEventInvokeConfigs").EnumerateArray()).GetProperty("MaximumEventAgeInSeconds").GetInt32());
        Assert.Equal(204, deleted.Status);
        ControlPlaneTests.AssertError(afterDelete, 404, "ResourceNotFoundException", "doesn't have an EventInvokeConfig");
    }

    [Theory]
    [InlineData(3, 60, "maximumRetryAttempts", "less than or equal to 2")]
    [InlineData(-1, 60, "maximumRetryAttempts", "greater than or equal to 0")]
    [InlineData(1, 59, "maximumEventAgeInSeconds", "greater than or equal to 60")]
    [InlineData(1, 21601, "maximumEventAgeInSeconds", "less than or equal to 21600")]
    public async Task PutFunctionEventInvokeConfig_OutOfRange_ReturnsValidationException(int retries, int age, string member, string constraint)
    {
        var name = LambdaFixture.UniqueName("eicbad");
        await fixture.Api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await fixture.Api.SendAsync("PUT", $"/2019-09-25/functions/{name}/event-invoke-config", new { MaximumRetryAttempts = retries, MaximumEventAgeInSeconds = age });

        ControlPlaneTests.AssertError(response, 400, "ValidationException", $"at '{member}' failed to satisfy constraint: Member must have value {constraint}");
    }

    private static string Key() => "\"" + Guid.NewGuid().ToString("N") + "\"";
}
