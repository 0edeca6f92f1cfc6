namespace LocalCloud.Lambda.Functions;

/// <summary>
/// One function ($LATEST) as stored: plain data, so a SQLite store can hold it as a row. RevisionId changes on
/// every update; warm workers belong to one revision and are retired when it changes.
/// </summary>
internal sealed record FunctionRecord
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string FunctionName { get; init; }
    public required string Runtime { get; init; }
    public required string Role { get; init; }
    public string? Handler { get; init; }
    public string? Description { get; init; }
    public required int Timeout { get; init; }
    public required int MemorySize { get; init; }
    public required IReadOnlyDictionary<string, string> Variables { get; init; }
    public required IReadOnlyList<string> Architectures { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public required string RevisionId { get; init; }
    public required FunctionCode Code { get; init; }

    public string FunctionArn => FunctionArns.Of(Region, AccountId, FunctionName);
}
