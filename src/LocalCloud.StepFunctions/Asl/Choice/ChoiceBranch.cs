using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.Choice;

/// <summary>A top-level Choices entry: a rule, where it leads, and the Assign/Output that apply when it matches.</summary>
public sealed record ChoiceBranch(ChoiceRule Rule, string Next, StateIo Io);
