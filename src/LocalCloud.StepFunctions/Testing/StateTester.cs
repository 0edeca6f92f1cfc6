using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.JsonPath;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Testing;

/// <summary>
/// Evaluates one state once, as TestState does (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html):
/// the state's own ExecuteAsync against a <see cref="StateTestScope"/>, then its Retry and Catch as the engine matches
/// them, but reported rather than acted on — RETRIABLE with the backoff the next retry would wait, CAUGHT_ERROR with the
/// Catch's next state and output. inspectionData comes from the state's own <see cref="StateIo"/> calls.
/// </summary>
public static class StateTester
{
    /// <summary>"The TestState API can run for up to five minutes" (API reference, TestState).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    public static async Task<StateTestResult> RunAsync(StateTest test, EngineEnvironment env, RequestContext request, CancellationToken cancellationToken)
    {
        var state = test.State;
        var scope = new StateTestScope(test, env, request);
        var raw = test.Input;
        using var limit = new CancellationTokenSource(MaxDuration, env.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        try
        {
            var outcome = state is MapState or ParallelState
                ? Mocked(state, scope, raw, test.Mock!)
                : await state.ExecuteAsync(scope, raw, linked.Token).ConfigureAwait(false);
            Land(scope, outcome.Assigned);
            return new StateTestResult("SUCCEEDED", outcome.Next, Events.Json(outcome.Output), null, Inspect(test, scope, raw, null));
        }
        catch (StatesFailureException e)
        {
            return Handle(test, scope, raw, e.Failure);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Handle(test, scope, raw, new Failure(StatesErrors.Timeout, "TestState ran for longer than five minutes."));
        }
    }

    /// <summary>A mocked Map or Parallel: the mock is the state's result, and the state's data flow applies to it.</summary>
    private static StateOutcome Mocked(State state, StateTestScope scope, JsonNode? raw, StateMock mock)
    {
        if (mock.Error is { } error)
        {
            throw new StatesFailureException(error);
        }
        if (state is MapState map && MapTolerance.Exceeded(map, scope.Configuration, mock.Result))
        {
            // As the Map itself fails when its iterations' failures pass the threshold; its Retry and Catch then apply.
            throw new StatesFailureException(MapState.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded");
        }
        var exit = state.Io.Finish(scope, raw, mock.Result?.DeepClone(), ResultKind.Result);
        return new StateOutcome(exit.Output, state.Next, exit.Assigned);
    }

    private static StateTestResult Handle(StateTest test, StateTestScope scope, JsonNode? raw, Failure failure)
    {
        var state = test.State;
        var retry = ErrorMatcher.FirstMatch(state.Retriers.Select(r => r.ErrorEquals), failure.Error);
        if (retry >= 0 && test.Configuration.RetrierRetryCount < state.Retriers[retry].MaxAttempts)
        {
            // Jitter is left out so the answer is the same each time: with FullJitter this is the longest wait.
            var backoff = state.Retriers[retry].DelayFor(test.Configuration.RetrierRetryCount + 1, () => 1.0);
            var details = new HandledErrorDetails(RetryIndex: retry, RetryBackoffIntervalSeconds: (int)backoff.TotalSeconds);
            return new StateTestResult("RETRIABLE", null, null, failure, Inspect(test, scope, raw, details));
        }
        var catcher = ErrorMatcher.FirstMatch(state.Catchers.Select(c => c.ErrorEquals), failure.Error);
        if (catcher < 0)
        {
            return new StateTestResult("FAILED", null, null, failure, Inspect(test, scope, raw, null));
        }
        var handler = state.Catchers[catcher];
        var errorOutput = new JsonObject { ["Error"] = failure.Error, ["Cause"] = failure.Cause ?? string.Empty };
        StateExit exit;
        try
        {
            exit = handler.Io.Finish(scope, raw, errorOutput, ResultKind.ErrorOutput);
            Land(scope, exit.Assigned);
        }
        catch (StatesFailureException e)
        {
            return new StateTestResult("FAILED", null, null, e.Failure, Inspect(test, scope, raw, null));
        }
        return new StateTestResult("CAUGHT_ERROR", handler.Next, Events.Json(exit.Output), failure,
            Inspect(test, scope, raw, new HandledErrorDetails(CatchIndex: catcher)));
    }

    private static void Land(StateTestScope scope, IReadOnlyDictionary<string, JsonNode?>? assigned)
    {
        if (assigned is { Count: > 0 })
        {
            scope.Scope.Assign(assigned, scope.StateName);
        }
    }

    /// <summary>
    /// inspectionData at DEBUG and TRACE. The phases are the state's own <see cref="StateIo"/> steps: the input after
    /// InputPath and Parameters/Arguments (for a Task, exactly what the scope saw it called with), the result, and the
    /// JSONPath result after ResultSelector and after ResultPath — the same Finish with the later fields set aside.
    /// </summary>
    private static Inspection? Inspect(StateTest test, StateTestScope scope, JsonNode? raw, HandledErrorDetails? errorDetails)
    {
        if (test.Level == InspectionLevel.Info)
        {
            return null;
        }
        var state = test.State;
        var io = state.Io;
        var variables = scope.Scope.ToJson() ?? "{}";
        var inspection = new Inspection { Input = Events.Json(raw), Variables = variables, ErrorDetails = errorDetails };
        try
        {
            var selected = io.SelectInput(scope, raw);
            var arguments = scope.TaskCalled ? scope.TaskInput : io.Arguments(scope, raw, selected);
            var hasResult = scope.TaskCalled || state is MapState or ParallelState;
            var result = scope.TaskCalled ? scope.TaskResult : test.Mock?.Result;
            if (io is JsonPathIo jsonPath)
            {
                inspection = inspection with { AfterInputPath = Events.Json(selected), AfterParameters = Events.Json(arguments) };
                if (hasResult && (scope.TaskResult is not null || test.Mock?.Result is not null))
                {
                    var afterSelector = (jsonPath with { ResultPath = ReferencePath.Root, DiscardResult = false, OutputPath = PathSpec.Root, Assign = null })
                        .Finish(scope, raw, result?.DeepClone(), ResultKind.Result).Output;
                    var afterResultPath = (jsonPath with { OutputPath = PathSpec.Root, Assign = null })
                        .Finish(scope, raw, result?.DeepClone(), ResultKind.Result).Output;
                    inspection = inspection with
                    {
                        Result = Events.Json(result),
                        AfterResultSelector = Events.Json(afterSelector),
                        AfterResultPath = Events.Json(afterResultPath),
                    };
                }
            }
            else
            {
                inspection = inspection with { AfterArguments = Events.Json(arguments) };
                if (hasResult && result is not null)
                {
                    inspection = inspection with { Result = Events.Json(result) };
                }
            }
        }
        catch (StatesFailureException)
        {
            // A phase that failed is the state's failure, reported as its error; the phases before it stay as shown.
        }
        return inspection;
    }
}
