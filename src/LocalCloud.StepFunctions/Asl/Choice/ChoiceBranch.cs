namespace LocalCloud.StepFunctions.Asl.Choice;

/// <summary>A top-level Choices entry: a rule and where it leads.</summary>
public sealed record ChoiceBranch(ChoiceRule Rule, string Next);
