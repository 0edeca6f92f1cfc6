using System.Globalization;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using T = LocalCloud.DynamoDb.Expressions.ExpressionToken;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// DynamoDB's expression grammar as Superpower combinators
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html):
/// precedence NOT &gt; AND &gt; OR; comparisons, BETWEEN and IN over operands; functions; update clauses.
/// Backtracking is confined to "name (" so a syntax error is reported at the token that broke it.
/// </summary>
internal static class ExpressionGrammar
{
    private static TokenListParser<T, Token<T>> Keyword(string word) => Token.EqualToValueIgnoreCase(T.Identifier, word);

    private static readonly TokenListParser<T, PathElement> NameElement =
        Token.EqualTo(T.Identifier).Select(t => (PathElement)new PathElement.Name(t.ToStringValue(), false))
            .Or(Token.EqualTo(T.NameRef).Select(t => (PathElement)new PathElement.Name(t.ToStringValue(), true)));

    private static readonly TokenListParser<T, PathElement> IndexElement =
        from open in Token.EqualTo(T.LBracket)
        from number in Token.EqualTo(T.Integer)
        from close in Token.EqualTo(T.RBracket)
        select (PathElement)new PathElement.Index(int.TryParse(number.ToStringValue(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue);

    public static readonly TokenListParser<T, DocumentPath> Path =
        from first in NameElement
        from rest in Token.EqualTo(T.Dot).IgnoreThen(NameElement).Or(IndexElement).Many()
        select new DocumentPath([first, .. rest]);

    private static readonly TokenListParser<T, Token<T>> CallHead =
        (from name in Token.EqualTo(T.Identifier)
         from open in Token.EqualTo(T.LParen)
         select name).Try();

    private static readonly TokenListParser<T, Operand> Call =
        from name in CallHead
        from args in Parse.Ref(() => Operand!).ManyDelimitedBy(Token.EqualTo(T.Comma))
        from close in Token.EqualTo(T.RParen)
        select (Operand)new Operand.Call(name.ToStringValue(), args);

    public static readonly TokenListParser<T, Operand> Operand =
        Token.EqualTo(T.ValueRef).Select(t => (Operand)new Operand.ValueRef(t.ToStringValue()))
            .Or(Call)
            .Or(Path.Select(p => (Operand)new Operand.PathRef(p)));

    private static readonly TokenListParser<T, string> Comparator =
        Token.EqualTo(T.Equal).Or(Token.EqualTo(T.NotEqual)).Or(Token.EqualTo(T.LessOrEqual))
            .Or(Token.EqualTo(T.Less)).Or(Token.EqualTo(T.GreaterOrEqual)).Or(Token.EqualTo(T.Greater))
            .Select(t => t.ToStringValue());

    private static TokenListParser<T, Condition> Tail(Operand left) =>
        (from op in Comparator
         from right in Operand
         select (Condition)new Condition.Compare(left, op, right))
        .Or(from kw in Keyword("BETWEEN")
            from lower in Operand
            from and in Keyword("AND")
            from upper in Operand
            select (Condition)new Condition.Between(left, lower, upper))
        .Or(from kw in Keyword("IN")
            from open in Token.EqualTo(T.LParen)
            from candidates in Operand.AtLeastOnceDelimitedBy(Token.EqualTo(T.Comma))
            from close in Token.EqualTo(T.RParen)
            select (Condition)new Condition.In(left, candidates));

    // A bare function call is a condition (attribute_exists(a)); any other operand needs a comparison after it.
    private static readonly TokenListParser<T, Condition> Simple =
        from left in Operand
        from condition in left is Operand.Call call
            ? Tail(left).OptionalOrDefault((Condition)new Condition.Function(call))
            : Tail(left)
        select condition;

    private static readonly TokenListParser<T, Condition> Parenthesised =
        from open in Token.EqualTo(T.LParen)
        from inner in Parse.Ref(() => Disjunction!)
        from close in Token.EqualTo(T.RParen)
        select inner;

    private static readonly TokenListParser<T, Condition> Negation =
        (from not in Keyword("NOT")
         from inner in Parse.Ref(() => Negation!)
         select (Condition)new Condition.Not(inner))
        .Or(Parenthesised)
        .Or(Simple);

    private static readonly TokenListParser<T, Condition> Conjunction =
        Parse.Chain(Keyword("AND"), Negation, (_, l, r) => new Condition.And(l, r));

    private static readonly TokenListParser<T, Condition> Disjunction =
        Parse.Chain(Keyword("OR"), Conjunction, (_, l, r) => new Condition.Or(l, r));

    public static readonly TokenListParser<T, Condition> ConditionExpression = Disjunction.AtEnd();

    public static readonly TokenListParser<T, IReadOnlyList<DocumentPath>> ProjectionExpression =
        Path.AtLeastOnceDelimitedBy(Token.EqualTo(T.Comma)).Select(p => (IReadOnlyList<DocumentPath>)p).AtEnd();

    private static readonly TokenListParser<T, Operand> SetValue =
        from left in Operand
        from right in (from op in Token.EqualTo(T.Plus).Or(Token.EqualTo(T.Minus))
                       from r in Operand
                       select (Op: op.ToStringValue()[0], Right: r)).OptionalOrDefault()
        select right.Right is null ? left : new Operand.Arithmetic(left, right.Op, right.Right);

    // ADD and DELETE take a :placeholder only, never a path or function.
    private static readonly TokenListParser<T, Operand> ValueOnly =
        Token.EqualTo(T.ValueRef).Select(t => (Operand)new Operand.ValueRef(t.ToStringValue()));

    private static TokenListParser<T, UpdateClause> Clause(string keyword, TokenListParser<T, UpdateAction> action) =>
        from kw in Keyword(keyword)
        from actions in action.AtLeastOnceDelimitedBy(Token.EqualTo(T.Comma))
        select new UpdateClause(keyword, actions);

    private static readonly TokenListParser<T, UpdateClause> AnyClause =
        Clause("SET", from p in Path from eq in Token.EqualTo(T.Equal) from v in SetValue select (UpdateAction)new UpdateAction.Set(p, v))
            .Or(Clause("REMOVE", Path.Select(p => (UpdateAction)new UpdateAction.Remove(p))))
            .Or(Clause("ADD", from p in Path from v in ValueOnly select (UpdateAction)new UpdateAction.Add(p, v)))
            .Or(Clause("DELETE", from p in Path from v in ValueOnly select (UpdateAction)new UpdateAction.Delete(p, v)));

    public static readonly TokenListParser<T, UpdateClause[]> UpdateExpression = AnyClause.AtLeastOnce().AtEnd();
}
