namespace LocalCloud.DynamoDb.Expressions;

/// <summary>One step of a document path: a map key (literal or #placeholder) or a list index.</summary>
internal abstract record PathElement
{
    public sealed record Name(string Text, bool IsPlaceholder) : PathElement
    {
        public override string ToString() => Text;
    }

    public sealed record Index(int Value) : PathElement
    {
        public override string ToString() => $"[{Value}]";
    }
}
