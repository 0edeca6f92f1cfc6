
namespace LocalCloud.Lambda.Api.Shapes;

/// <summary>Lambda's FunctionConfiguration shape (the members LocalCloud knows), as every function operation returns it.</summary>
internal sealed record FunctionConfiguration
{
    public required string FunctionName { get; init; }
    public required string FunctionArn { get; init; }
    public required string Runtime { get; init; }
    public required string Role { get; init; }
    public string? Handler { get; init; }
    public required long CodeSize { get; init; }
    public string? Description { get; init; }
    public required int Timeout { get; init; }
    public required int MemorySize { get; init; }
    public required string LastModified { get; init; }
    public required string CodeSha256 { get; init; }
    public required string Version { get; init; }
    public EnvironmentResponse? Environment { get; init; }
    public required string RevisionId { get; init; }
    public required string State { get; init; }
    public string? StateReason { get; init; }
    public string? StateReasonCode { get; init; }
    public required string LastUpdateStatus { get; init; }
    public string? LastUpdateStatusReason { get; init; }
    public string? LastUpdateStatusReasonCode { get; init; }
    public required string PackageType { get; init; }
    public required IReadOnlyList<string> Architectures { get; init; }
    public required EphemeralStorageResponse EphemeralStorage { get; init; }
}
