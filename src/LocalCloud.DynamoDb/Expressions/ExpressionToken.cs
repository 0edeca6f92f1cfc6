namespace LocalCloud.DynamoDb.Expressions;

internal enum ExpressionToken
{
    Identifier,
    NameRef,
    ValueRef,
    Integer,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    Equal,
    NotEqual,
    LessOrEqual,
    Less,
    GreaterOrEqual,
    Greater,
    Plus,
    Minus,
}
