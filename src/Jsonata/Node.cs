// Part of a C# port of jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT, © IBM Corp. 2016, 2018).
namespace Jsonata;

/// <summary>
/// A node of the syntax tree. One class with the union of the reference's node fields keeps the port
/// line-for-line close to the JavaScript; after <see cref="Parser"/> returns, nodes are never mutated.
/// </summary>
internal sealed class Node
{
    // Pratt parser bookkeeping (symbol id and left binding power).
    public string Id = "";
    public int Lbp;

    public string Type = "";
    public object? Value;
    public int Position;

    public Node? Lhs;
    public Node? Rhs;
    public List<(Node Key, Node Value)>? Pairs;     // object constructor / group-by (unary '{' lhs, binary '{' rhs)
    public List<SortTerm>? SortTerms;               // binary '^' rhs, sort step terms
    public List<Node>? Expressions;                 // array constructor, block
    public Node? Expression;                        // unary, filter stage
    public List<Node>? Steps;                       // path
    public List<Node>? Predicate;                   // filter stages before a step becomes part of a path
    public List<Node>? Stages;                      // filter/index stages of a step
    public GroupSpec? Group;
    public bool KeepArray;
    public bool KeepSingletonArray;
    public bool ConsArray;
    public bool Tuple;
    public string? Focus;
    public string? Index;
    public Slot? Ancestor;
    public Slot? Slot;
    public List<Slot>? SeekingParent;
    public Node? Procedure;
    public List<Node>? Arguments;
    public Node? Body;
    public Signature? Signature;
    public bool Thunk;
    public Node? Condition;
    public Node? Then;
    public Node? Else;
    public Node? Pattern;
    public Node? Update;
    public Node? Delete;

    /// <summary>The compiled .NET regex for a regex literal.</summary>
    public System.Text.RegularExpressions.Regex? Regex;

    public Node Clone()
    {
        var copy = (Node)MemberwiseClone();
        copy.Lhs = Lhs?.Clone();
        copy.Rhs = Rhs?.Clone();
        copy.Pairs = Pairs?.Select(p => (p.Key.Clone(), p.Value.Clone())).ToList();
        copy.SortTerms = SortTerms?.Select(t => new SortTerm(t.Descending, t.Expression.Clone())).ToList();
        copy.Expressions = Expressions?.Select(e => e.Clone()).ToList();
        copy.Expression = Expression?.Clone();
        copy.Steps = Steps?.Select(e => e.Clone()).ToList();
        copy.Predicate = Predicate?.Select(e => e.Clone()).ToList();
        copy.Stages = Stages?.Select(e => e.Clone()).ToList();
        copy.Procedure = Procedure?.Clone();
        copy.Arguments = Arguments?.Select(e => e.Clone()).ToList();
        copy.Body = Body?.Clone();
        copy.Condition = Condition?.Clone();
        copy.Then = Then?.Clone();
        copy.Else = Else?.Clone();
        copy.Pattern = Pattern?.Clone();
        copy.Update = Update?.Clone();
        copy.Delete = Delete?.Clone();
        return copy;
    }
}

internal sealed record SortTerm(bool Descending, Node Expression);

internal sealed class GroupSpec
{
    public required List<(Node Key, Node Value)> Pairs { get; init; }

    public int Position { get; init; }
}

internal sealed class Slot
{
    public string Label = "";
    public int Level;
    public int Index;
}
