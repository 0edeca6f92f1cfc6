using System.Text.Json;

namespace Aws.Clients.StepFunctions;

/// <summary>Input of CreateStateMachine.</summary>
public sealed record CreateStateMachineRequest
{
    /// <summary>The state machine name.</summary>
    public required string Name { get; init; }

    /// <summary>The Amazon States Language definition (JSON text).</summary>
    public required string Definition { get; init; }

    /// <summary>The IAM role the state machine runs as.</summary>
    public required string RoleArn { get; init; }

    /// <summary>STANDARD (default) or EXPRESS.</summary>
    public string? Type { get; init; }

    /// <summary>The logging configuration object as sent on the wire.</summary>
    public JsonElement? LoggingConfiguration { get; init; }

    /// <summary>Tags to attach.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>X-Ray tracing.</summary>
    public TracingConfiguration? TracingConfiguration { get; init; }

    /// <summary>Publish a version on creation.</summary>
    public bool? Publish { get; init; }

    /// <summary>Description of the published version.</summary>
    public string? VersionDescription { get; init; }
}
