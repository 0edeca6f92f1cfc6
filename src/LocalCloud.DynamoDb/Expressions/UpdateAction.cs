namespace LocalCloud.DynamoDb.Expressions;

/// <summary>One action of an UpdateExpression clause.</summary>
internal abstract record UpdateAction(DocumentPath Path)
{
    public sealed record Set(DocumentPath Target, Operand Value) : UpdateAction(Target);

    public sealed record Remove(DocumentPath Target) : UpdateAction(Target);

    public sealed record Add(DocumentPath Target, Operand Value) : UpdateAction(Target);

    public sealed record Delete(DocumentPath Target, Operand Value) : UpdateAction(Target);
}
