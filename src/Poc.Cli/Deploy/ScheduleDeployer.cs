using Aws.Clients;
using Aws.Clients.Scheduler;

namespace Poc.Cli.Deploy;

/// <summary>Creates or updates poc-poller-schedule: rate(1 minute), no flexible window, target poc-poller.</summary>
internal sealed class ScheduleDeployer(SchedulerClient scheduler, string roleArn)
{
    public async Task<ResourceChange> DeployAsync(string pollerArn, CancellationToken ct)
    {
        var target = new Target { Arn = pollerArn, RoleArn = roleArn };
        var window = new FlexibleTimeWindow { Mode = "OFF" };
        GetScheduleResponse? existing;
        try
        {
            existing = await scheduler.GetScheduleAsync(new GetScheduleRequest { Name = PocResources.PollerSchedule, GroupName = PocResources.ScheduleGroup }, ct);
        }
        catch (AwsApiException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            existing = null;
        }

        var desired = new CreateScheduleRequest
        {
            Name = PocResources.PollerSchedule,
            GroupName = PocResources.ScheduleGroup,
            ScheduleExpression = PocResources.ScheduleExpression,
            FlexibleTimeWindow = window,
            Target = target,
            State = "ENABLED",
        };
        if (existing is null)
        {
            await scheduler.CreateScheduleAsync(desired, ct);
            return ResourceChange.Created;
        }

        if (existing.ScheduleExpression == PocResources.ScheduleExpression
            && existing.FlexibleTimeWindow?.Mode == window.Mode
            && existing.Target?.Arn == target.Arn
            && existing.Target?.RoleArn == target.RoleArn
            && existing.State is null or "ENABLED")
        {
            return ResourceChange.Unchanged;
        }

        await scheduler.UpdateScheduleAsync(UpdateScheduleRequest.Replacing(desired), ct);
        return ResourceChange.Updated;
    }
}
