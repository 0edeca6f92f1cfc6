using Superpower;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>The lexical layer: names, #name and :value placeholders, list indexes, punctuation and comparators.</summary>
internal static class ExpressionTokenizer
{
    private static readonly TextParser<char> NameChar = Character.LetterOrDigit.Or(Character.EqualTo('_'));

    private static readonly TextParser<Superpower.Model.TextSpan> Word =
        Span.MatchedBy(Character.Letter.Or(Character.EqualTo('_')).IgnoreThen(NameChar.Many()));

    public static readonly Tokenizer<ExpressionToken> Instance = new TokenizerBuilder<ExpressionToken>()
        .Ignore(Span.WhiteSpace)
        // Two-character comparators first: the builder takes the first recogniser that matches.
        .Match(Span.EqualTo("<>"), ExpressionToken.NotEqual)
        .Match(Span.EqualTo("<="), ExpressionToken.LessOrEqual)
        .Match(Span.EqualTo(">="), ExpressionToken.GreaterOrEqual)
        .Match(Character.EqualTo('<'), ExpressionToken.Less)
        .Match(Character.EqualTo('>'), ExpressionToken.Greater)
        .Match(Character.EqualTo('='), ExpressionToken.Equal)
        .Match(Character.EqualTo('('), ExpressionToken.LParen)
        .Match(Character.EqualTo(')'), ExpressionToken.RParen)
        .Match(Character.EqualTo('['), ExpressionToken.LBracket)
        .Match(Character.EqualTo(']'), ExpressionToken.RBracket)
        .Match(Character.EqualTo(','), ExpressionToken.Comma)
        .Match(Character.EqualTo('.'), ExpressionToken.Dot)
        .Match(Character.EqualTo('+'), ExpressionToken.Plus)
        .Match(Character.EqualTo('-'), ExpressionToken.Minus)
        .Match(Span.MatchedBy(Character.EqualTo('#').IgnoreThen(NameChar.AtLeastOnce())), ExpressionToken.NameRef)
        .Match(Span.MatchedBy(Character.EqualTo(':').IgnoreThen(NameChar.AtLeastOnce())), ExpressionToken.ValueRef)
        .Match(Numerics.Natural, ExpressionToken.Integer)
        .Match(Word, ExpressionToken.Identifier)
        .Build();
}
