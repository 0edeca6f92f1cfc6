namespace Aws.Clients.StepFunctions;

/// <summary>One state machine in a list.</summary>
public sealed record StateMachineListItem
{
    /// <summary>The ARN.</summary>
    public string StateMachineArn { get; init; } = string.Empty;

    /// <summary>The name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>STANDARD or EXPRESS.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreationDate { get; init; }
}
