using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using LocalCloud.Aspire;

namespace Aspire.Hosting;

/// <summary>Adds LocalCloud to an Aspire AppHost and hands it to the projects that use AWS.</summary>
public static class LocalCloudBuilderExtensions
{
    /// <summary>
    /// Adds LocalCloud (the <c>localcloud</c> .NET tool on PATH) listening on <paramref name="port"/>, or on a port the
    /// AppHost picks. It is healthy once <c>/_localcloud/health</c> answers.
    /// </summary>
    public static IResourceBuilder<LocalCloudResource> AddLocalCloud(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = new LocalCloudResource(name, "localcloud", builder.AppHostDirectory);
        return builder.AddResource(resource)
            // Not proxied: the port LocalCloud binds is the one clients call, so the URLs it builds for itself (Lambda
            // workers' Runtime API) and those the AppHost hands out agree.
            .WithHttpEndpoint(port: port, name: LocalCloudResource.EndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHttpHealthCheck(LocalCloudResource.HealthPath, endpointName: LocalCloudResource.EndpointName);
    }

    /// <summary>Keeps LocalCloud's state in <paramref name="path"/> across AppHost runs (<c>--data</c>), like a volume for a container.</summary>
    public static IResourceBuilder<LocalCloudResource> WithDataDirectory(this IResourceBuilder<LocalCloudResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder.WithArgs("--data", full);
    }

    /// <summary>Multiplies schedule periods (<c>--schedule-time-scale</c>; 0.05 makes rate(1 minute) fire every 3 s).</summary>
    public static IResourceBuilder<LocalCloudResource> WithScheduleTimeScale(this IResourceBuilder<LocalCloudResource> builder, double scale)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        return builder.WithArgs("--schedule-time-scale", scale.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Points <paramref name="builder"/>'s AWS SDKs and clients at LocalCloud: AWS_ENDPOINT_URL (which every AWS SDK and
    /// the CLI read), the region and credentials LocalCloud accepts; and starts it only once LocalCloud is healthy.
    /// </summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<LocalCloudResource> localCloud)
        where TDestination : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(localCloud);
        var endpoint = localCloud.Resource.Endpoint;
        return builder
            .WithEnvironment("AWS_ENDPOINT_URL", endpoint)
            .WithEnvironment("AWS_REGION", LocalCloudResource.Region)
            .WithEnvironment("AWS_ACCESS_KEY_ID", LocalCloudResource.AccessKeyId)
            .WithEnvironment("AWS_SECRET_ACCESS_KEY", LocalCloudResource.SecretAccessKey)
            .WaitFor(localCloud);
    }
}
