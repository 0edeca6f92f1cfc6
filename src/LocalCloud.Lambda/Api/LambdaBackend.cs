using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api.Operations;
using LocalCloud.Lambda.Execution;
using LocalCloud.Lambda.Functions;
using LocalCloud.Lambda.Persistence;

namespace LocalCloud.Lambda.Api;

/// <summary>What the operation handlers share.</summary>
internal sealed class LambdaBackend(IFunctionStore store, InvocationEngine engine, LambdaOptions options, TimeProvider time, FunctionLifecycle lifecycle, ConcurrencyLimiter limiter, EventQueue events, VersionStore versions)
{
    public IFunctionStore Store { get; } = store;
    public InvocationEngine Engine { get; } = engine;
    public LambdaOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public FunctionLifecycle Lifecycle { get; } = lifecycle;
    public ConcurrencyLimiter Limiter { get; } = limiter;
    public EventQueue Events { get; } = events;
    public VersionStore Versions { get; } = versions;

    /// <summary>PublishVersion reads $LATEST, copies its code and numbers the copy: one publish at a time keeps numbers unique.</summary>
    public Lock PublishLock { get; } = new();

    /// <summary>Invoke, UpdateFunctionCode and UpdateFunctionConfiguration fail while the function is not Active.</summary>
    public static void RequireActive(FunctionRecord function)
    {
        if (function.State != FunctionStates.Active)
        {
            throw LambdaErrors.NotActive(function.State);
        }
    }

    /// <summary>An update must wait for the previous one to finish, as on AWS.</summary>
    public static void RequireUpdatable(FunctionRecord function)
    {
        RequireActive(function);
        if (function.LastUpdateStatus == FunctionStates.InProgress)
        {
            throw LambdaErrors.Conflict(function.FunctionArn);
        }
    }

    /// <summary>Changes a setting that lives beside the configuration (tags, concurrency, event settings): no new revision.</summary>
    public FunctionRecord Change(FunctionRecord function, Func<FunctionRecord, FunctionRecord> change)
        => Store.Update(function.AccountId, function.Region, function.FunctionName, change) ?? throw LambdaErrors.FunctionNotFound(function.FunctionArn);

    public FunctionRecord Require(FunctionReference reference)
    {
        reference.RequireLatest();
        return Store.Find(reference.AccountId, reference.Region, reference.Name) ?? throw LambdaErrors.FunctionNotFound(reference.Arn);
    }

    public FunctionRecord Require(IReadOnlyDictionary<string, string> path, ServiceRequest request)
        => Require(FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context, request.Query.GetValueOrDefault("Qualifier")));

    public string FunctionDirectory(string accountId, string region, string functionName)
        => Path.Combine(Options.DataDirectory, accountId, region, functionName);

    /// <summary>Stores a replacement, or fails as Lambda does when another update got there first.</summary>
    public void Replace(FunctionRecord updated, FunctionRecord current)
    {
        if (!Store.TryReplace(updated, current.RevisionId))
        {
            throw LambdaErrors.Conflict(current.FunctionArn);
        }
    }

    public static void CheckRevision(string? requested, FunctionRecord current)
    {
        if (requested is not null && requested != current.RevisionId)
        {
            throw LambdaErrors.RevisionMismatch();
        }
    }

    /// <summary>An alias must point at $LATEST or a version that exists.</summary>
    public void RequireVersion(FunctionRecord latest, string version)
    {
        if (version != FunctionVersions.Latest && Versions.FindVersion(latest.AccountId, latest.Region, latest.FunctionName, version) is null)
        {
            throw LambdaErrors.FunctionNotFound($"{latest.FunctionArn}:{version}");
        }
    }

    /// <summary>The alias named by the path ({FunctionName}, {Name}) of GetAlias, UpdateAlias and DeleteAlias.</summary>
    public AliasRecord RequireAlias(IReadOnlyDictionary<string, string> path, ServiceRequest request)
    {
        var latest = Require(path, request);
        var name = AliasValidation.Name(path.GetValueOrDefault("Name"));
        return Versions.FindAlias(latest.AccountId, latest.Region, latest.FunctionName, name) ?? throw LambdaErrors.AliasNotFound($"{latest.FunctionArn}:{name}");
    }

    /// <summary>
    /// What a qualified name (Invoke, GetFunction, GetFunctionConfiguration) names: $LATEST, a published version, or
    /// the version an alias picks for this call (<paramref name="draw"/> in [0, 1) decides a weighted routing).
    /// Errors as Lambda words them: "Function not found: arn:…:name:7", "Cannot find alias arn: arn:…:name:live".
    /// </summary>
    public QualifiedFunction Resolve(FunctionReference reference, double draw = 0.99)
    {
        var latest = Store.Find(reference.AccountId, reference.Region, reference.Name);
        var qualifier = reference.Qualifier;
        if (latest is null)
        {
            throw LambdaErrors.FunctionNotFound(qualifier is null ? reference.Arn : $"{reference.Arn}:{qualifier}");
        }
        if (qualifier is null)
        {
            return new QualifiedFunction(latest, latest, latest.FunctionArn, FunctionVersions.Latest, null);
        }
        if (qualifier == FunctionVersions.Latest)
        {
            return new QualifiedFunction(latest, latest, $"{latest.FunctionArn}:{qualifier}", FunctionVersions.Latest, null);
        }
        if (FunctionVersions.IsNumber(qualifier))
        {
            var version = Versions.FindVersion(latest.AccountId, latest.Region, latest.FunctionName, qualifier)
                ?? throw LambdaErrors.FunctionNotFound($"{latest.FunctionArn}:{qualifier}");
            return new QualifiedFunction(latest, version, version.QualifiedArn, version.Version, null);
        }
        var alias = Versions.FindAlias(latest.AccountId, latest.Region, latest.FunctionName, qualifier)
            ?? throw LambdaErrors.AliasNotFound($"{latest.FunctionArn}:{qualifier}");
        var picked = alias.PickVersion(draw);
        var target = picked == FunctionVersions.Latest
            ? latest
            : Versions.FindVersion(latest.AccountId, latest.Region, latest.FunctionName, picked) ?? throw LambdaErrors.FunctionNotFound($"{latest.FunctionArn}:{picked}");
        return new QualifiedFunction(latest, target, alias.AliasArn, target.Version, alias);
    }
}

/// <param name="Latest">The function's $LATEST (reserved concurrency and event settings live there).</param>
/// <param name="Target">The record whose code and configuration run.</param>
/// <param name="Arn">The ARN the caller named, qualified as it was qualified.</param>
/// <param name="ExecutedVersion">"$LATEST" or the version number (Invoke's X-Amz-Executed-Version).</param>
internal sealed record QualifiedFunction(FunctionRecord Latest, FunctionRecord Target, string Arn, string ExecutedVersion, AliasRecord? Alias);
