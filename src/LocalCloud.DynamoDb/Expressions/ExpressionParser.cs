using System.Collections.Concurrent;
using Superpower;
using Superpower.Model;
using T = LocalCloud.DynamoDb.Expressions.ExpressionToken;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// Text to AST. Syntax errors read as AWS writes them:
/// Invalid ConditionExpression: Syntax error; token: "&lt;EOF&gt;", near: "a ="
/// (the offending token, and the text from the token before it through the offending one).
/// </summary>
internal static class ExpressionParser
{
    /// <summary>
    /// Parsed expressions by kind and text. Clients send a handful of expression texts over and over with different
    /// :values (the poller's claim, every sweep), and tokenizing and parsing was a third of LocalCloud's CPU in a sweep
    /// (docs/performance.md). The trees are immutable records, so one can serve every request. Only successes are kept,
    /// and the cache is emptied when full, so a client sending ever-new texts costs memory only up to the bound.
    /// </summary>
    private static readonly ConcurrentDictionary<(ExpressionKind Kind, string Text), object> Cache = new();

    internal const int MaxCached = 2048;

    public static Condition ParseCondition(string text, ExpressionKind kind) => Cached(text, kind, ExpressionGrammar.ConditionExpression);

    public static IReadOnlyList<UpdateClause> ParseUpdate(string text) => Cached(text, ExpressionKind.UpdateExpression, ExpressionGrammar.UpdateExpression);

    public static IReadOnlyList<DocumentPath> ParseProjection(string text) => Cached(text, ExpressionKind.ProjectionExpression, ExpressionGrammar.ProjectionExpression);

    /// <summary>How many parsed expressions are kept now (for tests of the bound).</summary>
    internal static int CachedCount => Cache.Count;

    private static TResult Cached<TResult>(string text, ExpressionKind kind, TokenListParser<T, TResult> parser)
        where TResult : notnull
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue((kind, text), out var hit))
        {
            return (TResult)hit;
        }
        var parsed = Run(text, kind, parser);
        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }
        Cache[(kind, text)] = parsed;
        return parsed;
    }

    private static TResult Run<TResult>(string text, ExpressionKind kind, TokenListParser<T, TResult> parser)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ExpressionScope.Invalid(kind, "The expression can not be empty;");
        }
        var tokenized = ExpressionTokenizer.Instance.TryTokenize(text);
        if (!tokenized.HasValue)
        {
            var at = Math.Clamp(tokenized.ErrorPosition.Absolute, 0, text.Length - 1);
            var start = at;
            while (start > 0 && char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }
            throw SyntaxError(kind, text[at].ToString(), text[start..(at + 1)]);
        }
        var tokens = tokenized.Value.ToArray();
        var result = parser.TryParse(tokenized.Value);
        if (result.HasValue)
        {
            return result.Value;
        }
        var index = result.Location.IsAtEnd ? tokens.Length : result.Location.Position;
        var previous = index > 0 ? tokens[index - 1] : (Token<T>?)null;
        if (index >= tokens.Length)
        {
            throw SyntaxError(kind, "<EOF>", previous?.ToStringValue() ?? string.Empty);
        }
        var current = tokens[index];
        var from = previous?.Span.Position.Absolute ?? current.Span.Position.Absolute;
        var to = current.Span.Position.Absolute + current.Span.Length;
        throw SyntaxError(kind, current.ToStringValue(), text[from..to]);
    }

    private static Core.AwsServiceException SyntaxError(ExpressionKind kind, string token, string near)
        => ExpressionScope.Invalid(kind, $"Syntax error; token: \"{token}\", near: \"{near}\"");
}
