namespace LocalCloud.Lambda.Execution;

internal enum OutcomeKind
{
    Success,

    /// <summary>The runtime reported an error through /invocation/{id}/error.</summary>
    FunctionError,

    /// <summary>The runtime reported an error through /init/error before taking the event.</summary>
    InitError,

    Timeout,

    /// <summary>The worker process ended (or could not start) before answering.</summary>
    RuntimeFailure,
}
