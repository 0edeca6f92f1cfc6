using System.Text.Json;

namespace Aws.Clients.StepFunctions;

/// <summary>Input of UpdateStateMachine.</summary>
public sealed record UpdateStateMachineRequest
{
    /// <summary>The state machine to update.</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>The new definition.</summary>
    public string? Definition { get; init; }

    /// <summary>The new role.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The new logging configuration object.</summary>
    public JsonElement? LoggingConfiguration { get; init; }

    /// <summary>The new tracing configuration.</summary>
    public TracingConfiguration? TracingConfiguration { get; init; }

    /// <summary>Publish a version.</summary>
    public bool? Publish { get; init; }

    /// <summary>Description of the published version.</summary>
    public string? VersionDescription { get; init; }
}
