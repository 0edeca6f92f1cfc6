using System.Globalization;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// Publishes $LATEST as the next version: PublishVersion, and <c>Publish: true</c> on CreateFunction and UpdateFunctionCode
/// (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-Publish,
/// …/API_UpdateFunctionCode.html#lambda-UpdateFunctionCode-request-Publish). Callers hold <see cref="LambdaBackend.PublishLock"/>.
/// </summary>
internal static class VersionPublisher
{
    /// <summary>
    /// Freezes <paramref name="latest"/> (its code being unpacked, when an update is still in progress) as the next number.
    /// The version gets its own copy of the code, so later updates of $LATEST never change what it runs.
    /// </summary>
    public static FunctionRecord Publish(LambdaBackend state, FunctionRecord latest, string? description)
    {
        var number = (latest.LastPublishedVersion + 1).ToString(CultureInfo.InvariantCulture);
        var source = latest.PendingCode ?? latest.Code;
        var code = CodePackage.Store(File.ReadAllBytes(source.ZipPath), state.FunctionDirectory(latest.AccountId, latest.Region, latest.FunctionName));
        try
        {
            // The counter is stored first: a crash before the version is stored skips a number, never reuses one.
            var counted = state.Store.Update(latest.AccountId, latest.Region, latest.FunctionName, r => r.RevisionId != latest.RevisionId ? null
                : r with { LastPublishedVersion = latest.LastPublishedVersion + 1, PublishedRevisionId = r.RevisionId });
            if (counted is null || counted.LastPublishedVersion != latest.LastPublishedVersion + 1)
            {
                throw counted is null ? LambdaErrors.FunctionNotFound(latest.FunctionArn) : LambdaErrors.Conflict(latest.FunctionArn);
            }
            var version = latest with
            {
                Version = number,
                Code = code,
                PendingCode = null,
                Description = description ?? latest.Description,
                RevisionId = Guid.NewGuid().ToString(),
                LastModified = state.Time.GetUtcNow(),
                // A version is unpacked now (its own copy), so it is Active at once even while $LATEST is still Pending.
                State = FunctionStates.Active,
                StateReason = null,
                StateReasonCode = null,
                LastUpdateStatus = FunctionStates.Successful,
                LastUpdateStatusReason = null,
                LastUpdateStatusReasonCode = null,
                Tags = new Dictionary<string, string>(),
                ReservedConcurrentExecutions = null,
                EventInvokeConfig = null,
                LastPublishedVersion = 0,
                PublishedRevisionId = null,
            };
            state.Versions.AddVersion(version);
            return version;
        }
        catch
        {
            CodePackage.Delete(code);
            throw;
        }
    }
}
