using System.Globalization;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api;

internal static class ConfigurationMapper
{
    /// <param name="functionArn">The ARN to answer with when the caller named an alias (AWS answers the alias ARN); else the record's own.</param>
    public static FunctionConfiguration ToConfiguration(FunctionRecord f, string? functionArn = null) => new()
    {
        FunctionName = f.FunctionName,
        FunctionArn = functionArn ?? f.QualifiedArn,
        Runtime = f.Runtime,
        Role = f.Role,
        Handler = f.Handler,
        CodeSize = (f.PendingCode ?? f.Code).Size,
        Description = f.Description ?? string.Empty,
        Timeout = f.Timeout,
        MemorySize = f.MemorySize,
        LastModified = FormatTimestamp(f.LastModified),
        CodeSha256 = (f.PendingCode ?? f.Code).Sha256,
        Version = f.Version,
        Environment = f.Variables.Count == 0 ? null : new EnvironmentResponse(f.Variables),
        RevisionId = f.RevisionId,
        State = f.State,
        StateReason = f.StateReason,
        StateReasonCode = f.StateReasonCode,
        LastUpdateStatus = f.LastUpdateStatus,
        LastUpdateStatusReason = f.LastUpdateStatusReason,
        LastUpdateStatusReasonCode = f.LastUpdateStatusReasonCode,
        PackageType = "Zip",
        Architectures = f.Architectures,
        EphemeralStorage = new EphemeralStorageResponse(512),
    };

    /// <summary>Lambda's LastModified format, e.g. "2024-01-01T00:00:00.000+0000" (ISO-8601 without the offset colon).</summary>
    public static string FormatTimestamp(DateTimeOffset time)
        => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
