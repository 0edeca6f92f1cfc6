using Microsoft.Extensions.Logging;

namespace LocalCloud;

/// <summary>What the services are built from: the options, logging, and the host's own URL (known once it listens).</summary>
public sealed record ServiceSetContext(LocalCloudOptions Options, ILoggerFactory Loggers, Func<Uri> BaseUrl)
{
    /// <summary>What Lambda workers sign their calls back with; null keeps the Lambda service's fixed test values.</summary>
    public WorkerCredentials? WorkerCredentials { get; init; }
}
