namespace Aws.Clients.StepFunctions;

/// <summary>X-Ray tracing settings.</summary>
public sealed record TracingConfiguration
{
    /// <summary>Whether tracing is on.</summary>
    public bool? Enabled { get; init; }
}
