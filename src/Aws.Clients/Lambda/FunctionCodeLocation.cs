namespace Aws.Clients.Lambda;

/// <summary>Where a function's code can be downloaded.</summary>
public sealed record FunctionCodeLocation
{
    /// <summary>S3 or ECR.</summary>
    public string? RepositoryType { get; init; }

    /// <summary>Presigned URL of the package.</summary>
    public string? Location { get; init; }

    /// <summary>Image URI.</summary>
    public string? ImageUri { get; init; }

    /// <summary>Resolved image URI.</summary>
    public string? ResolvedImageUri { get; init; }
}
