using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Engine;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>
/// PUT /schedules/{Name}. A full replacement, as on AWS: members left out return to their defaults
/// (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_UpdateSchedule.html).
/// </summary>
internal sealed class UpdateSchedule(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var input = RequestReader.Body<ScheduleInput>(request);
        var context = request.Context;
        var group = RequestReader.GroupOrDefault("groupName", input.GroupName);
        var existing = state.Store.Get(context.AccountId, context.Region, group, name);
        var schedule = ScheduleInputValidator.Validate(name, input, context, state.Time.GetUtcNow(), existing.CreationDate);
        state.Store.Replace(schedule);
        state.Arm(schedule, ArmReason.Updated);
        return Task.FromResult(SchedulerBackend.Ok(new ScheduleArnOutput(schedule.Arn)));
    }
}
