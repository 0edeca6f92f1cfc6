namespace Asl.Diagrams;

/// <summary>One state: its name and ASL type.</summary>
public sealed record AslState(string Name, string Type);
