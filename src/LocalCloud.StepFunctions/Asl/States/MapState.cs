using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.Jsonata;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// Inline Map: runs the item processor once per item of ItemsPath, at most MaxConcurrency at a time
/// (0 = no limit), results in item order. Without a failure tolerance the first failed iteration aborts
/// the rest and fails the state with its error; with ToleratedFailureCount/Percentage, failures within
/// the tolerance leave their error object in the results and exceeding it is
/// States.ExceedToleratedFailureThreshold (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html).
/// </summary>
public sealed partial class MapState(
    string name,
    string? next,
    StateIo io,
    MapSettings settings,
    IReadOnlyList<Retrier> retry,
    IReadOnlyList<Catcher> @catch) : State(name, next, io)
{
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";

    public override string Type => "Map";

    public MapSettings Settings { get; } = settings;

    public override IReadOnlyList<Retrier> Retriers { get; } = retry;

    public override IReadOnlyList<Catcher> Catchers { get; } = @catch;

    public override async Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var input = Io.SelectInput(scope, rawInput);
        var items = Items(scope, input);
        var maxConcurrency = Settings.MaxConcurrencyExpression is { } mce ? (int)Evaluate(scope, input, mce, "MaxConcurrency", integer: true)
            : Settings.MaxConcurrencyPath is { } mcp ? (int)ReadNumber(scope, input, mcp, "MaxConcurrencyPath", integer: true) : Settings.MaxConcurrency ?? 0;
        var toleratedCount = Settings.ToleratedFailureCountExpression is { } tce ? (long?)Evaluate(scope, input, tce, "ToleratedFailureCount", integer: true)
            : Settings.ToleratedFailureCountPath is { } tcp ? (long?)ReadNumber(scope, input, tcp, "ToleratedFailureCountPath", integer: true) : Settings.ToleratedFailureCount;
        var toleratedPercent = Settings.ToleratedFailurePercentageExpression is { } tpe ? Evaluate(scope, input, tpe, "ToleratedFailurePercentage", integer: false)
            : Settings.ToleratedFailurePercentagePath is { } tpp ? ReadNumber(scope, input, tpp, "ToleratedFailurePercentagePath", integer: false) : Settings.ToleratedFailurePercentage;
        if (toleratedPercent is > 100)
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"ToleratedFailurePercentage must be between 0 and 100, got {toleratedPercent.Value.ToString(CultureInfo.InvariantCulture)}");
        }
        var tolerant = toleratedCount is not null || toleratedPercent is not null;

        var iterationInputs = ItemInputs(scope, input, items);
        scope.Emit("MapStateStarted", "mapStateStartedEventDetails", new JsonObject { ["length"] = items.Count });
        if (Settings.Distributed is { } distributed)
        {
            return await RunDistributedAsync(scope, rawInput, input, iterationInputs, new MapLimits(maxConcurrency, toleratedCount, toleratedPercent), distributed, cancellationToken)
                .ConfigureAwait(false);
        }

        var results = new JsonNode?[items.Count];
        var kept = scope.TakeRedrivenChildren();
        var gate = new Lock();
        var nextIndex = -1;
        var failures = 0;
        Failure? failure = null;
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = maxConcurrency == 0 ? items.Count : Math.Min(maxConcurrency, items.Count);
        await scope.RunStrandsAsync(workers, async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref nextIndex)) < items.Count && !siblings.IsCancellationRequested)
            {
                if (kept is not null && kept.TryGetValue(index, out var before))
                {
                    // Redriven: an iteration that had succeeded is not run again (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html).
                    results[index] = JsonNode.Parse(before);
                    scope.ChildEnded(index, results[index], succeeded: true);
                    continue;
                }
                var at = index;
                Func<JsonObject> details = () => new JsonObject { ["name"] = Name, ["index"] = at };
                scope.Emit("MapIterationStarted", "mapIterationStartedEventDetails", details);
                try
                {
                    results[index] = await scope.RunBranchAsync(Settings.Processor, iterationInputs[index], siblings.Token).ConfigureAwait(false);
                    scope.ChildEnded(index, results[index], succeeded: true);
                    scope.Emit("MapIterationSucceeded", "mapIterationSucceededEventDetails", details);
                }
                catch (StatesFailureException e)
                {
                    scope.ChildEnded(index, null, succeeded: false);
                    scope.Emit("MapIterationFailed", "mapIterationFailedEventDetails", details);
                    bool exceeded;
                    lock (gate)
                    {
                        failures++;
                        results[index] = ErrorOutput(e.Failure);
                        exceeded = !tolerant
                            || (toleratedCount is { } c && failures > c)
                            || (toleratedPercent is { } p && failures * 100.0 / items.Count > p);
                        if (exceeded)
                        {
                            failure ??= tolerant
                                ? new Failure(ExceedToleratedFailureThreshold, $"The specified tolerated failure threshold was exceeded ({failures} of {items.Count} iterations failed)")
                                : e.Failure;
                        }
                    }
                    if (exceeded)
                    {
                        await siblings.CancelAsync().ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (siblings.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    scope.Emit("MapIterationAborted", "mapIterationAbortedEventDetails", details);
                }
            }
        }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            scope.Emit("MapStateFailed");
            throw new StatesFailureException(failure);
        }
        scope.Emit("MapStateSucceeded");
        return Finish(scope, rawInput, new JsonArray(results), ResultKind.Result);
    }

    private static JsonObject ErrorOutput(Failure failure)
    {
        var error = new JsonObject { ["Error"] = failure.Error };
        if (failure.Cause is not null)
        {
            error["Cause"] = failure.Cause;
        }
        return error;
    }

    private JsonArray Items(IStateScope scope, JsonNode? input)
    {
        if (Io.Language == QueryLanguage.Jsonata)
        {
            var environment = StatesEnvironment.ForInput(scope, input);
            var value = Settings.Items is null ? input : Settings.Items.Evaluate(environment);
            return value as JsonArray ?? throw (Settings.Items is null
                ? new StatesFailureException(StatesErrors.QueryEvaluationError, $"The input of the Map state '{Name}' must be a JSON array when it has no Items field, got {value?.ToJsonString() ?? "null"}")
                : environment.TypeError(Settings.Items, "Items", "array", value));
        }
        var path = Settings.ItemsPath ?? "$";
        // Only read: each item is copied into its iteration's input (ItemInput).
        if (!scope.TryPeek(path, input, out var items))
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"Invalid path '{path}' : No results for path: {path} (applying ItemsPath to {input?.ToJsonString() ?? "null"})");
        }
        return items as JsonArray ?? throw new StatesFailureException(StatesErrors.Runtime,
            $"Items of the Map state '{Name}' must be a JSON array; ItemsPath '{path}' selected {items?.ToJsonString() ?? "null"}");
    }

    /// <summary>Each iteration's input: the item itself, or the ItemSelector with $$.Map.Item.{Index,Value} in the context object.</summary>
    private JsonNode?[] ItemInputs(IStateScope scope, JsonNode? input, JsonArray items)
    {
        var inputs = new JsonNode?[items.Count];
        if (Settings.ItemSelector is null && Settings.ItemSelectorTemplate is null)
        {
            for (var i = 0; i < items.Count; i++)
            {
                inputs[i] = items[i]?.DeepClone();
            }
            return inputs;
        }
        // The state's own context object is lent to the items, one after the other and before any iteration runs,
        // rather than copied per item: both selectors only read it and copy what they select. (TestState may hand in
        // a context that has a Map already: that one is copied once, as it must stay as it was.)
        var lent = !scope.Context.ContainsKey("Map");
        var context = lent ? scope.Context : (JsonObject)scope.Context.DeepClone();
        var item = new JsonObject();
        context["Map"] = new JsonObject { ["Item"] = item };
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                item["Index"] = i;
                item["Value"] = items[i]?.DeepClone();
                inputs[i] = Settings.ItemSelectorTemplate is { } template
                    ? template.Evaluate(StatesEnvironment.ForInput(scope, input, context))
                    : JsonPathReader.Expand(Settings.ItemSelector!, input, scope, context);
            }
        }
        finally
        {
            if (lent)
            {
                context.Remove("Map");
            }
        }
        return inputs;
    }

    private static double Evaluate(IStateScope scope, JsonNode? input, JsonataTemplate template, string field, bool integer)
        => StatesEnvironment.ForInput(scope, input).Number(template, field, integer ? "non-negative integer" : "non-negative number",
            n => n >= 0 && (!integer || (n == Math.Floor(n) && n <= int.MaxValue)));

    private static double ReadNumber(IStateScope scope, JsonNode? input, string path, string field, bool integer)
    {
        if (scope.TryPeek(path, input, out var value) && JsonNumbers.TryGetDouble(value, out var n))
        {
            if (n >= 0 && (!integer || (n == Math.Floor(n) && n <= int.MaxValue)))
            {
                return n;
            }
        }
        throw new StatesFailureException(StatesErrors.Runtime,
            $"The {field} '{path}' must select a non-negative {(integer ? "integer" : "number")} from the input, got {value?.ToJsonString() ?? "nothing"}");
    }
}
