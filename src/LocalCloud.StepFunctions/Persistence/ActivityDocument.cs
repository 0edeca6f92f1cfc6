using LocalCloud.StepFunctions.Activities;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>An activity as stored (collection <see cref="Collection"/>, key: activity ARN), written before CreateActivity answers.</summary>
public sealed record ActivityDocument(string Arn, string Name, DateTimeOffset CreationDate, ActivityEncryption? Encryption)
{
    public const string Collection = "states.activities";

    public int V { get; init; } = 1;

    public static ActivityDocument From(ActivityRecord activity) => new(activity.Arn, activity.Name, activity.CreationDate, activity.Encryption);

    public ActivityRecord ToRecord() => new(Arn, Name, CreationDate, Encryption);
}
