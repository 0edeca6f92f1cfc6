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
    public static Condition ParseCondition(string text, ExpressionKind kind) => Run(text, kind, ExpressionGrammar.ConditionExpression);

    public static IReadOnlyList<UpdateClause> ParseUpdate(string text) => Run(text, ExpressionKind.UpdateExpression, ExpressionGrammar.UpdateExpression);

    public static IReadOnlyList<DocumentPath> ParseProjection(string text) => Run(text, ExpressionKind.ProjectionExpression, ExpressionGrammar.ProjectionExpression);

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
