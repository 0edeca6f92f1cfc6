namespace LocalCloud.DynamoDb.Expressions;

/// <summary>Something that evaluates to a value: a path, a :value, a function call or (in SET) a sum.</summary>
internal abstract record Operand
{
    public sealed record PathRef(DocumentPath Path) : Operand;

    public sealed record ValueRef(string Name) : Operand;

    public sealed record Call(string Function, IReadOnlyList<Operand> Arguments) : Operand;

    public sealed record Arithmetic(Operand Left, char Operator, Operand Right) : Operand;
}
