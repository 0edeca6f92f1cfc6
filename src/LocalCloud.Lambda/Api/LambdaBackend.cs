using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api.Operations;
using LocalCloud.Lambda.Execution;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api;

/// <summary>What the operation handlers share.</summary>
internal sealed class LambdaBackend(IFunctionStore store, InvocationEngine engine, LambdaOptions options, TimeProvider time, FunctionLifecycle lifecycle, ConcurrencyLimiter limiter, EventQueue events)
{
    public IFunctionStore Store { get; } = store;
    public InvocationEngine Engine { get; } = engine;
    public LambdaOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public FunctionLifecycle Lifecycle { get; } = lifecycle;
    public ConcurrencyLimiter Limiter { get; } = limiter;
    public EventQueue Events { get; } = events;

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
}
