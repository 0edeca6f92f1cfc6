using LocalCloud.HostileInput.Tests.Fuzzing;
using LocalCloud.Testing;

namespace LocalCloud.HostileInput.Tests;

/// <summary>
/// A "." or ".." path segment is refused, not resolved: Kestrel would turn DELETE …/aliases/.. into a DeleteFunction
/// of the function itself (found by the fuzzer at three rounds).
/// </summary>
public sealed class DotSegmentTests : IAsyncLifetime
{
    private LocalCloudFixture _cloud = null!;

    public async ValueTask InitializeAsync()
        => _cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Critical });

    public ValueTask DisposeAsync() => _cloud.DisposeAsync();

    [Theory]
    [InlineData("DELETE", "/2015-03-31/functions/f/aliases/..")]
    [InlineData("DELETE", "/2015-03-31/functions/f/aliases/%2e%2E")]
    [InlineData("GET", "/2015-03-31/functions/f/./configuration")]
    [InlineData("GET", "/schedules/../schedules?x=1")]
    public async Task DotSegment_RefusedWithValidationException(string method, string path)
    {
        var response = await new HostileClient(_cloud.Endpoint).SendAsync(new HostileRequest(method, path, [], [], "dot segment"), TestContext.Current.CancellationToken);

        Assert.True(response.Status == 400, $"{response.Status} {response.Text}");
        Assert.Equal("ValidationException", Verdict.ErrorCode(response));
    }

    [Theory]
    [InlineData("/2015-03-31/functions/f...g")]
    [InlineData("/2015-03-31/functions/.f")]
    public async Task DotsInsideASegment_ReachTheService(string path)
    {
        var response = await new HostileClient(_cloud.Endpoint).SendAsync(new HostileRequest("GET", path, [], [], "dots in a name"), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("segment", response.Text, StringComparison.Ordinal);
    }
}
