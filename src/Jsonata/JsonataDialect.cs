namespace Jsonata;

/// <summary>Which edition of the language an expression is parsed as.</summary>
public enum JsonataDialect
{
    /// <summary>jsonata-js 2.2.2, the reference this engine ports.</summary>
    Current,

    /// <summary>
    /// jsonata-js 2.0.x, which AWS Step Functions implements: without the "?:" (default) and "??" (coalescing)
    /// operators of 2.1.0, so an expression that uses them fails to parse as it does there.
    /// </summary>
    Version20,
}
