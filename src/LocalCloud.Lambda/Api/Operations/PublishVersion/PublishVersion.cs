using System.Globalization;
using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// POST /2015-03-31/functions/{FunctionName}/versions (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html):
/// freezes $LATEST's code and configuration as the next version number. The version gets its own copy of the code, so
/// later updates of $LATEST never change what it runs. With nothing changed since the last publish, AWS answers that
/// version again instead of a new one.
/// </summary>
internal sealed class PublishVersion(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var input = LambdaJson.Read<PublishVersionRequest>(request);
        FunctionValidation.Description(input.Description);
        lock (state.PublishLock)
        {
            var latest = state.Require(path, request);
            LambdaBackend.RequireUpdatable(latest);
            LambdaBackend.CheckRevision(input.RevisionId, latest);
            if (input.CodeSha256 is not null && input.CodeSha256 != latest.Code.Sha256)
            {
                throw LambdaErrors.CodeShaMismatch(input.CodeSha256, latest.Code.Sha256);
            }
            if (latest.PublishedRevisionId == latest.RevisionId
                && state.Versions.FindVersion(latest.AccountId, latest.Region, latest.FunctionName, latest.LastPublishedVersion.ToString(CultureInfo.InvariantCulture)) is { } unchanged)
            {
                return Task.FromResult(LambdaJson.Write(201, ConfigurationMapper.ToConfiguration(unchanged)));
            }
            return Task.FromResult(LambdaJson.Write(201, ConfigurationMapper.ToConfiguration(VersionPublisher.Publish(state, latest, input.Description))));
        }
    }
}
