namespace Asl.Diagrams;

/// <summary>One possible transition: next, choice, default or catch.</summary>
public sealed record AslEdge(string From, string To, string Kind);
