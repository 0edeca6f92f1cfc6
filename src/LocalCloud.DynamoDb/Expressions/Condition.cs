namespace LocalCloud.DynamoDb.Expressions;

/// <summary>The boolean grammar shared by ConditionExpression, FilterExpression and KeyConditionExpression.</summary>
internal abstract record Condition
{
    /// <param name="Operator">One of = &lt;&gt; &lt; &lt;= &gt; &gt;=.</param>
    public sealed record Compare(Operand Left, string Operator, Operand Right) : Condition;

    public sealed record Between(Operand Value, Operand Lower, Operand Upper) : Condition;

    public sealed record In(Operand Value, IReadOnlyList<Operand> Candidates) : Condition;

    public sealed record And(Condition Left, Condition Right) : Condition;

    public sealed record Or(Condition Left, Condition Right) : Condition;

    public sealed record Not(Condition Inner) : Condition;

    /// <summary>attribute_exists, attribute_not_exists, attribute_type, begins_with, contains.</summary>
    public sealed record Function(Operand.Call Call) : Condition;
}
