using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Api.Shapes;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Adds or overwrites tags on a state machine; at most 50 per resource (TooManyTags), keys 1–128 and values
/// 0–256 characters (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TagResource.html).
/// </summary>
public sealed class TagResource(StepFunctionsBackend backend)
{
    public Task<TagResourceResponse> HandleAsync(TagResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = RequireTaggable(backend, request.ResourceArn);
        var tags = Parse(Validate.Required(request.Tags, "tags"), arn);
        lock (backend.MachineGate)
        {
            // Checked again under the gate: a machine deleted meanwhile must not get tags back.
            Set(backend, RequireTaggable(backend, arn), tags);
        }
        return Task.FromResult(new TagResourceResponse());
    }

    /// <summary>Checks keys and values as the model constrains them; more than <see cref="StepFunctionsLimits.MaxTagsPerResource"/> distinct keys is TooManyTags.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IReadOnlyList<Tag> tags, string arn)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < tags.Count; i++)
        {
            var key = Validate.Required(tags[i].Key, $"tags.{i + 1}.member.key");
            if (key.Length is 0 or > StepFunctionsLimits.MaxTagKeyLength)
            {
                throw StepFunctionsErrors.Validation($"'{key}'", $"tags.{i + 1}.member.key", $"Member must have length between 1 and {StepFunctionsLimits.MaxTagKeyLength}");
            }
            var value = tags[i].Value ?? string.Empty;
            Validate.MaxLength(value, $"tags.{i + 1}.member.value", StepFunctionsLimits.MaxTagValueLength);
            pairs.Add(new(key, value));
        }
        if (pairs.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() > StepFunctionsLimits.MaxTagsPerResource)
        {
            throw StepFunctionsErrors.TooManyTags(arn, StepFunctionsLimits.MaxTagsPerResource);
        }
        return pairs;
    }

    /// <summary>Adds or overwrites, then writes the resource's tags; the caller holds <see cref="StepFunctionsBackend.MachineGate"/>.</summary>
    public static void Set(StepFunctionsBackend backend, string arn, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (!backend.Tags.TrySet(arn, tags, StepFunctionsLimits.MaxTagsPerResource))
        {
            throw StepFunctionsErrors.TooManyTags(arn, StepFunctionsLimits.MaxTagsPerResource);
        }
        backend.Journal.TagsChanged(arn, backend.Tags.Get(arn));
    }

    /// <summary>Tags belong to state machines and activities; an unknown one is ResourceNotFound.</summary>
    public static string RequireTaggable(StepFunctionsBackend backend, string? resourceArn)
    {
        var arn = Validate.Required(resourceArn, "resourceArn");
        if (!SfnArn.IsArn(arn) || !arn.StartsWith("arn:aws:states:", StringComparison.Ordinal))
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        if (backend.Machines.Find(arn) is null && backend.Engine.Activities.Find(arn) is null)
        {
            throw StepFunctionsErrors.ResourceNotFound(arn);
        }
        return arn;
    }
}
