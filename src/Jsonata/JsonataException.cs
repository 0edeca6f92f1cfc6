namespace Jsonata;

/// <summary>
/// An error as the reference implementation raises it: its code (<c>S0101</c>, <c>T2001</c>, <c>D3030</c>…),
/// the character position in the expression where the reference reports one, and the offending token or value.
/// </summary>
public sealed class JsonataException : Exception
{
    public JsonataException(string code, string message, int? position = null, string? token = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Position = position;
        Token = token;
    }

    public JsonataException()
        : this("D0000", "JSONata error")
    {
    }

    public JsonataException(string message)
        : this("D0000", message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : this("D0000", message, inner: innerException)
    {
    }

    /// <summary>The reference's error code, for example <c>S0201</c>.</summary>
    public string Code { get; }

    /// <summary>Character position in the expression (as the reference counts it), when known.</summary>
    public int? Position { get; set; }

    /// <summary>The token or value the error is about, when the reference names one.</summary>
    public string? Token { get; set; }

    /// <summary>The offending value, in the engine's value model (see docs/jsonata.md).</summary>
    public object? Value { get; init; }

    /// <summary>The 1-based argument index for signature and argument errors.</summary>
    public int? Index { get; init; }
}
