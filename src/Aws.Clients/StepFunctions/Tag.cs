namespace Aws.Clients.StepFunctions;

/// <summary>A resource tag.</summary>
public sealed record Tag
{
    /// <summary>Tag key.</summary>
    public string? Key { get; init; }

    /// <summary>Tag value.</summary>
    public string? Value { get; init; }
}
