namespace Aws.Clients.Lambda;

/// <summary>Input of ListFunctions.</summary>
public sealed record ListFunctionsRequest
{
    /// <summary>For Lambda@Edge replicas (query MasterRegion).</summary>
    public string? MasterRegion { get; init; }

    /// <summary>ALL to include versions (query FunctionVersion).</summary>
    public string? FunctionVersion { get; init; }

    /// <summary>Token from the previous page (query Marker).</summary>
    public string? Marker { get; init; }

    /// <summary>Page size, 1-10000 (query MaxItems).</summary>
    public int? MaxItems { get; init; }
}
