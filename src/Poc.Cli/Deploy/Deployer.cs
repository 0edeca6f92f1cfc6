using System.Diagnostics;
using Poc.Cli.Cli;
using Poc.Cli.Endpoints;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Deploy;

/// <summary>
/// poc deploy as a library: builds the package, then creates or updates the tables, functions, state machines
/// and schedule. Idempotent: a second run reports everything unchanged.
/// </summary>
public static class Deployer
{
    /// <summary>Deploys everything to <paramref name="env"/>; reports each resource as it is done.</summary>
    public static Task<DeployResult> DeployAsync(PocEnvironment env, IProgress<DeployedResource>? progress, CancellationToken ct)
        => DeployAsync(env, progress, null, ct);

    /// <summary>
    /// Deploys everything, running <paramref name="afterFunctions"/> once the functions are ready and before the
    /// schedule exists (poc demo warms the workers there, so no scheduled sweep starts a cold poller meanwhile).
    /// </summary>
    public static async Task<DeployResult> DeployAsync(
        PocEnvironment env, IProgress<DeployedResource>? progress, Func<CancellationToken, Task>? afterFunctions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        var total = Stopwatch.StartNew();
        var resources = new List<DeployedResource>();

        async Task<T> Step<T>(string kind, string name, Func<Task<(ResourceChange Change, string? Detail, T Value)>> action)
        {
            var watch = Stopwatch.StartNew();
            var (change, detail, value) = await action();
            var resource = new DeployedResource(kind, name, change, string.IsNullOrEmpty(detail) ? null : detail, watch.Elapsed);
            resources.Add(resource);
            progress?.Report(resource);
            return value;
        }

        var layout = new PackageLayout(env.RepoRoot);
        var package = await Step("package", Path.GetFileName(layout.ZipPath), async () =>
        {
            var built = await PackageBuilder.BuildAsync(layout, null, ct);
            var detail = $"{built.SizeBytes / 1024.0:0} KiB";
            return (built.Rebuilt ? ResourceChange.Updated : ResourceChange.Unchanged, built.Rebuilt ? "published, " + detail : detail, built);
        });
        var zip = await File.ReadAllBytesAsync(package.ZipPath, ct);

        var tables = new TableDeployer(env.DynamoDb, env.Time);
        await Step("table", PocResources.JobsTable, async () =>
        {
            var (change, detail) = await tables.DeployJobsAsync(ct);
            return (change, detail, 0);
        });
        await Step("table", PocResources.TokensTable, async () =>
        {
            var (change, detail) = await tables.DeployTokensAsync(ct);
            return (change, detail, 0);
        });

        var functions = new FunctionDeployer(env.Lambda, env.RoleArn, env.Time, name => PocResources.FunctionEnvironmentFor(name, env.ScheduleTimeScale, env.JobApiUrl));
        var arns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, handler) in PocResources.Functions)
        {
            arns[name] = await Step("function", name, async () =>
            {
                var (change, arn, detail) = await functions.DeployAsync(name, handler, package, zip, ct);
                return (change, detail, arn);
            });
        }

        if (afterFunctions is not null)
        {
            await afterFunctions(ct);
        }

        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AslTemplate.CreateJobFunctionArn] = arns[PocResources.CreateJobFunction],
            [AslTemplate.SimulatedApiFunctionArn] = arns[PocResources.SimulatedApiFunction],
        };
        var machines = new StateMachineDeployer(env.StepFunctions, env.RoleArn);
        foreach (var (name, file) in new[]
                 {
                     (PocResources.CallbackStateMachine, env.Flavour.DefinitionFile(WorkflowKind.Callback)),
                     (PocResources.BaselineStateMachine, env.Flavour.DefinitionFile(WorkflowKind.Baseline)),
                 })
        {
            var definition = AslTemplate.Substitute(await ReadDefinitionAsync(env.RepoRoot, file, ct), substitutions, file);
            await Step("state machine", name, async () =>
            {
                var (change, arn) = await machines.DeployAsync(name, definition, ct);
                return (change, arn, 0);
            });
        }

        var schedules = new ScheduleDeployer(env.Scheduler, env.RoleArn);
        await Step("schedule", PocResources.PollerSchedule, async () =>
            (await schedules.DeployAsync(arns[PocResources.PollerFunction], ct), PocResources.ScheduleExpression, 0));

        return new DeployResult(resources, package, total.Elapsed);
    }

    private static async Task<string> ReadDefinitionAsync(string repoRoot, string file, CancellationToken ct)
    {
        var path = Path.Combine(repoRoot, "infra", "statemachines", file);
        return File.Exists(path)
            ? await File.ReadAllTextAsync(path, ct)
            : throw new PocException(Messages.DefinitionMissing(path));
    }
}
