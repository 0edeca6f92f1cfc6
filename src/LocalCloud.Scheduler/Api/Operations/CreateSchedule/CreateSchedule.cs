using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Engine;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>POST /schedules/{Name}</summary>
internal sealed class CreateSchedule(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var input = RequestReader.Body<ScheduleInput>(request);
        var schedule = ScheduleInputValidator.Validate(name, input, request.Context, state.Time.GetUtcNow(), creationDate: null);
        state.Store.Add(schedule);
        state.Arm(schedule, ArmReason.Created);
        return Task.FromResult(SchedulerBackend.Ok(new ScheduleArnOutput(schedule.Arn)));
    }
}
