using System.Reflection;
using Aws.Clients.Scheduler;

namespace Aws.Clients.Tests.Scheduler;

public sealed class UpdateScheduleRequestTests
{
    [Fact]
    public void Replacing_CopiesEveryFieldOfTheDesiredSchedule()
    {
        var desired = new CreateScheduleRequest
        {
            Name = "n",
            GroupName = "g",
            ScheduleExpression = "rate(1 minute)",
            ScheduleExpressionTimezone = "Europe/Paris",
            FlexibleTimeWindow = new FlexibleTimeWindow { Mode = "OFF" },
            Target = new Target { Arn = "arn:aws:lambda:us-east-1:000000000000:function:f", RoleArn = "arn:aws:iam::000000000000:role/r" },
            State = "ENABLED",
            Description = "d",
            StartDate = DateTimeOffset.FromUnixTimeSeconds(1),
            EndDate = DateTimeOffset.FromUnixTimeSeconds(2),
            ActionAfterCompletion = "NONE",
            ClientToken = "t",
            KmsKeyArn = "arn:aws:kms:us-east-1:000000000000:key/k",
        };

        var update = UpdateScheduleRequest.Replacing(desired);

        // Every property the two shapes share, so a field added to both later cannot be left out of the copy.
        var shared = typeof(CreateScheduleRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(UpdateScheduleRequest).GetProperty(p.Name) is not null).ToList();
        Assert.Equal(13, shared.Count);
        Assert.All(shared, p => Assert.Equal(p.GetValue(desired), typeof(UpdateScheduleRequest).GetProperty(p.Name)!.GetValue(update)));
    }
}
