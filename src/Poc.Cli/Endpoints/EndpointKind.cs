namespace Poc.Cli.Endpoints;

/// <summary>What answers at the endpoint; it decides the poll interval and whether poc must trigger the poller.</summary>
public enum EndpointKind
{
    /// <summary>LocalCloud: answers GET /_localcloud/health and fires schedules on a scaled clock.</summary>
    LocalCloud,

    /// <summary>Another emulator (LocalStack): its scheduler does not invoke Lambda targets.</summary>
    OtherEmulator,

    /// <summary>Real AWS: schedules fire at most once a minute.</summary>
    Aws,
}
