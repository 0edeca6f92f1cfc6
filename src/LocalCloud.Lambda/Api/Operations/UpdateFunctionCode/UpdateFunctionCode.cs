using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// PUT /2015-03-31/functions/{FunctionName}/code (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html).
/// Answers LastUpdateStatus InProgress; once the zip is unpacked in the background the next invocation starts a
/// fresh worker on the new code and warm workers are retired.
/// </summary>
internal sealed class UpdateFunctionCode(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var current = state.Require(path, request);
        var input = LambdaJson.Read<UpdateFunctionCodeRequest>(request);
        LambdaBackend.RequireUpdatable(current);
        LambdaBackend.CheckRevision(input.RevisionId, current);
        var zip = CreateFunction.ZipOrThrow(input.ZipFile, input.S3Bucket ?? input.S3Key ?? input.ImageUri);
        var architectures = input.Architectures is null ? current.Architectures : FunctionValidation.Architectures(input.Architectures);
        if (input.DryRun == true)
        {
            // DryRun validates without changing anything; the zip is still checked by unpacking it aside.
            CodePackage.Delete(CodePackage.Store(zip, Path.Combine(state.Options.DataDirectory, "dry-run")));
            return Task.FromResult(LambdaJson.Write(200, ConfigurationMapper.ToConfiguration(current)));
        }
        var code = CodePackage.Save(zip, state.FunctionDirectory(current.AccountId, current.Region, current.FunctionName));
        // Invocations keep running the current code until the new one is unpacked (LastUpdateStatus InProgress).
        var updated = current with
        {
            PendingCode = code,
            LastUpdateStatus = FunctionStates.InProgress,
            LastUpdateStatusReason = null,
            LastUpdateStatusReasonCode = null,
            Architectures = architectures,
            LastModified = state.Time.GetUtcNow(),
            RevisionId = Guid.NewGuid().ToString(),
        };
        FunctionRecord? published = null;
        // Publishing takes the lock before the update is stored, so no PublishVersion comes in between.
        lock (state.PublishLock)
        {
            try
            {
                state.Replace(updated, current);
            }
            catch
            {
                CodePackage.Delete(code);
                throw;
            }
            if (input.Publish == true)
            {
                // The new code is what the version gets, even though $LATEST still unpacks it; AWS answers the version,
                // with its qualified ARN (LocalStack's provider, test_publish_with_update recorded against AWS).
                published = VersionPublisher.Publish(state, updated, null);
            }
        }
        state.Lifecycle.CompleteCodeUpdate(updated);
        return Task.FromResult(LambdaJson.Write(200, ConfigurationMapper.ToConfiguration(published ?? updated)));
    }
}
