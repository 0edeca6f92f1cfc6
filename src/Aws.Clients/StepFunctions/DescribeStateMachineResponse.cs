using System.Text.Json;

namespace Aws.Clients.StepFunctions;

/// <summary>Output of DescribeStateMachine.</summary>
public sealed record DescribeStateMachineResponse
{
    /// <summary>The ARN.</summary>
    public string StateMachineArn { get; init; } = string.Empty;

    /// <summary>The name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>ACTIVE or DELETING.</summary>
    public string? Status { get; init; }

    /// <summary>The definition.</summary>
    public string Definition { get; init; } = string.Empty;

    /// <summary>The role.</summary>
    public string RoleArn { get; init; } = string.Empty;

    /// <summary>STANDARD or EXPRESS.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreationDate { get; init; }

    /// <summary>The logging configuration object.</summary>
    public JsonElement? LoggingConfiguration { get; init; }

    /// <summary>Tracing configuration.</summary>
    public TracingConfiguration? TracingConfiguration { get; init; }

    /// <summary>Map Run label, for distributed Map child machines.</summary>
    public string? Label { get; init; }

    /// <summary>The revision id.</summary>
    public string? RevisionId { get; init; }

    /// <summary>The version description.</summary>
    public string? Description { get; init; }
}
