using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using LocalCloud.Aspire;

namespace LocalCloud.Aspire.Tests;

public sealed class LocalCloudResourceTests
{
    [Fact]
    public async Task AddLocalCloud_RunsTheToolOnOneUnproxiedHttpEndpoint_PassingItsPort()
    {
        var builder = DistributedApplication.CreateBuilder();
        var cloud = builder.AddLocalCloud("aws", port: 4567);
        Allocate(cloud.Resource, 4567);

        var endpoint = Assert.Single(cloud.Resource.Annotations.OfType<EndpointAnnotation>());
        var args = await ArgumentsAsync(cloud.Resource);

        Assert.Equal("localcloud", cloud.Resource.Command);
        Assert.Equal(("http", "http", 4567, false), (endpoint.Name, endpoint.UriScheme, endpoint.Port, endpoint.IsProxied));
        Assert.Equal(["--port", "4567"], args);
    }

    [Fact]
    public void AddLocalCloud_HasAnHttpHealthCheckOnItsEndpoint()
    {
        var builder = DistributedApplication.CreateBuilder();
        var cloud = builder.AddLocalCloud("aws");

        var check = Assert.Single(cloud.Resource.Annotations.OfType<HealthCheckAnnotation>());
        using var app = builder.Build();
        var registrations = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>(app.Services).Value.Registrations;

        Assert.Contains(registrations, r => r.Name == check.Key);
    }

    [Fact]
    public async Task WithDataDirectory_PassesTheFullPathAsData()
    {
        var builder = DistributedApplication.CreateBuilder();
        var cloud = builder.AddLocalCloud("aws", port: 4567).WithDataDirectory("state/localcloud");
        Allocate(cloud.Resource, 4567);

        var args = await ArgumentsAsync(cloud.Resource);

        Assert.Equal(["--port", "4567", "--data", Path.GetFullPath("state/localcloud", builder.AppHostDirectory)], args);
    }

    [Fact]
    public async Task WithScheduleTimeScale_PassesTheScale_AndRefusesZero()
    {
        var builder = DistributedApplication.CreateBuilder();
        var cloud = builder.AddLocalCloud("aws", port: 4567).WithScheduleTimeScale(0.05);
        Allocate(cloud.Resource, 4567);

        Assert.Equal(["--port", "4567", "--schedule-time-scale", "0.05"], await ArgumentsAsync(cloud.Resource));
        Assert.Throws<ArgumentOutOfRangeException>(() => cloud.WithScheduleTimeScale(0));
    }

    [Fact]
    public async Task WithReference_HandsEndpointRegionAndCredentials_AndWaitsForLocalCloud()
    {
        var builder = DistributedApplication.CreateBuilder();
        var cloud = builder.AddLocalCloud("aws", port: 4567);
        var app = builder.AddExecutable("worker", "dotnet", ".").WithReference(cloud);
        Allocate(cloud.Resource, 4567);

        var environment = await EnvironmentAsync(app.Resource);
        var wait = Assert.Single(app.Resource.Annotations.OfType<WaitAnnotation>());

        Assert.Equal("http://localhost:4567", environment["AWS_ENDPOINT_URL"]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.Equal(("test", "test"), (environment["AWS_ACCESS_KEY_ID"], environment["AWS_SECRET_ACCESS_KEY"]));
        Assert.Same(cloud.Resource, wait.Resource);
    }

    [Fact]
    public async Task WithReference_WithoutIt_NoAwsVariables()
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.AddLocalCloud("aws", port: 4567);
        var app = builder.AddExecutable("worker", "dotnet", ".");

        var environment = await EnvironmentAsync(app.Resource);

        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("AWS_", StringComparison.Ordinal));
    }

    // The AppHost allocates endpoints when it starts; the model tests stand in for it.
    private static void Allocate(LocalCloudResource resource, int port)
    {
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single();
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
    }

    private static async Task<IReadOnlyList<string>> ArgumentsAsync(IResource resource)
        => [.. (await ConfigurationAsync(resource)).Arguments.Select(a => a.Value)];

    private static async Task<Dictionary<string, string>> EnvironmentAsync(IResource resource)
        => (await ConfigurationAsync(resource)).EnvironmentVariables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    // What the AppHost resolves for a process it launches, in run mode.
    private static Task<IExecutionConfigurationResult> ConfigurationAsync(IResource resource)
        => ExecutionConfigurationBuilder.Create(resource).WithArgumentsConfig().WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TestContext.Current.CancellationToken);
}
