using Microsoft.Extensions.Logging;

namespace LocalCloud;

/// <summary>What the services are built from: the options, logging, and the host's own URL (known once it listens).</summary>
public sealed record ServiceSetContext(LocalCloudOptions Options, ILoggerFactory Loggers, Func<Uri> BaseUrl);
