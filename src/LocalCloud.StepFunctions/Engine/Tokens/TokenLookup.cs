namespace LocalCloud.StepFunctions.Engine.Tokens;

/// <summary>What a task token names: <see cref="Task"/> is set only when <see cref="State"/> is <see cref="TokenState.Open"/>.</summary>
public readonly record struct TokenLookup(TokenState State, OpenTask? Task);

public enum TokenState
{
    /// <summary>Not a token LocalCloud could have minted (length, alphabet).</summary>
    Malformed,

    /// <summary>Well formed, but never minted here.</summary>
    Unknown,

    /// <summary>Its task has closed: answered, timed out, stopped.</summary>
    Closed,

    Open,
}
