namespace LocalCloud.StepFunctions.Asl;

/// <summary>
/// Carries a <see cref="Asl.Failure"/> out of a state's evaluation. Only the runner catches it, and it
/// matches Retry/Catch on <see cref="Failure"/>'s name, never on the exception type.
/// </summary>
public sealed class StatesFailureException : Exception
{
    public StatesFailureException(Failure failure) : base($"{failure.Error}: {failure.Cause}") => Failure = failure;

    public StatesFailureException(string error, string? cause) : this(new Failure(error, cause))
    {
    }

    public StatesFailureException()
        : this(StatesErrors.Runtime, (string?)null)
    {
    }

    public StatesFailureException(string message)
        : this(StatesErrors.Runtime, message)
    {
    }

    public StatesFailureException(string message, Exception innerException)
        : base(message, innerException) => Failure = new Failure(StatesErrors.Runtime, message);

    public Failure Failure { get; }

    /// <summary>Set when an expression failed: the field it came from ("Arguments/Input/x"), for the EvaluationFailed event.</summary>
    public string? EvaluationLocation { get; init; }
}
