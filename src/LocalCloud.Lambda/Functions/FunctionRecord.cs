namespace LocalCloud.Lambda.Functions;

/// <summary>
/// One function ($LATEST) or one of its published versions as stored: plain data, kept as JSON in the durable store with --data. RevisionId changes on
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

    /// <summary>Lifecycle as GetFunctionConfiguration reports it (values from <see cref="FunctionStates"/>).</summary>
    public string State { get; init; } = FunctionStates.Active;
    public string? StateReason { get; init; }
    public string? StateReasonCode { get; init; }
    public string LastUpdateStatus { get; init; } = FunctionStates.Successful;
    public string? LastUpdateStatusReason { get; init; }
    public string? LastUpdateStatusReasonCode { get; init; }

    /// <summary>New code still being unpacked (UpdateFunctionCode in progress); invocations run <see cref="Code"/> meanwhile, as on AWS.</summary>
    public FunctionCode? PendingCode { get; init; }

    /// <summary>PutFunctionConcurrency; null = the account's unreserved pool.</summary>
    public int? ReservedConcurrentExecutions { get; init; }

    public EventInvokeSettings? EventInvokeConfig { get; init; }

    /// <summary>"$LATEST", or the number of a published version (a frozen copy with its own code folder).</summary>
    public string Version { get; init; } = FunctionVersions.Latest;

    /// <summary>On $LATEST: the highest version number ever published. AWS never reuses a number, even after a delete.</summary>
    public int LastPublishedVersion { get; init; }

    /// <summary>On $LATEST: its RevisionId when the last version was published; PublishVersion with nothing changed since answers that version again.</summary>
    public string? PublishedRevisionId { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string FunctionArn => FunctionArns.Of(Region, AccountId, FunctionName);

    /// <summary>The ARN a published version answers with (function:name:1); $LATEST keeps the unqualified ARN.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string QualifiedArn => Version == FunctionVersions.Latest ? FunctionArn : $"{FunctionArn}:{Version}";
}
