using System.Diagnostics;
using System.Text.Json;

namespace LocalCloud.Tests.AwsCli;

/// <summary>State machine versions and aliases (#14) through the real AWS CLI and boto3.</summary>
public sealed class AwsCliVersionsTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/r";
    private const string One = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"one","End":true}}}""";
    private const string Two = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"two","End":true}}}""";

    [Fact]
    public async Task Cli_PublishAliasStartDescribe_ExecutionRunsTheRoutedVersion()
    {
        var created = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-versions", "--role-arn", Role, "--definition", One, "--publish",
            "--version-description", "first");
        var machine = created.GetProperty("stateMachineArn").GetString()!;
        var v1 = created.GetProperty("stateMachineVersionArn").GetString()!;
        await cli.OkAsync("stepfunctions", "update-state-machine", "--state-machine-arn", machine, "--definition", Two);
        var v2 = (await cli.OkAsync("stepfunctions", "publish-state-machine-version", "--state-machine-arn", machine, "--description", "second"))
            .GetProperty("stateMachineVersionArn").GetString()!;
        var versions = await cli.OkAsync("stepfunctions", "list-state-machine-versions", "--state-machine-arn", machine);
        var alias = (await cli.OkAsync("stepfunctions", "create-state-machine-alias", "--name", "live", "--routing-configuration",
            $$"""[{"stateMachineVersionArn":"{{v1}}","weight":50},{"stateMachineVersionArn":"{{v2}}","weight":50}]"""))
            .GetProperty("stateMachineAliasArn").GetString()!;
        var aliases = await cli.OkAsync("stepfunctions", "list-state-machine-aliases", "--state-machine-arn", machine);
        var executionArn = (await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", alias)).GetProperty("executionArn").GetString()!;
        var done = await cli.Cloud.WaitForExecutionAsync(executionArn, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        var (exit, _, error) = await cli.RunAsync("stepfunctions", "delete-state-machine-version", "--state-machine-version-arn", v1);

        Assert.Equal(machine + ":1", v1);
        Assert.Equal(machine + ":2", v2);
        Assert.Equal([v2, v1], versions.GetProperty("stateMachineVersions").EnumerateArray().Select(v => v.GetProperty("stateMachineVersionArn").GetString()));
        Assert.Equal(machine + ":live", alias);
        Assert.Equal(alias, Assert.Single(aliases.GetProperty("stateMachineAliases").EnumerateArray()).GetProperty("stateMachineAliasArn").GetString());
        Assert.Equal(machine, described.GetProperty("stateMachineArn").GetString());
        Assert.Equal(alias, described.GetProperty("stateMachineAliasArn").GetString());
        var version = described.GetProperty("stateMachineVersionArn").GetString();
        Assert.Contains(version, new[] { v1, v2 });
        Assert.Equal(version == v1 ? "\"one\"" : "\"two\"", done.Output);
        Assert.NotEqual(0, exit);
        Assert.Contains("ConflictException", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boto3_VersionsAndAliases_AsTerraformReadsThem()
    {
        var machine = (await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "boto3-versions", "--role-arn", Role, "--definition", One))
            .GetProperty("stateMachineArn").GetString()!;
        var script = $$"""
            import boto3, json
            sfn = boto3.client("stepfunctions", endpoint_url="{{cli.Cloud.Endpoint.ToString().TrimEnd('/')}}", region_name="{{cli.Cloud.Region}}",
                aws_access_key_id="{{cli.Cloud.Credentials.AccessKeyId}}", aws_secret_access_key="{{cli.Cloud.Credentials.SecretAccessKey}}")
            empty_versions = sfn.list_state_machine_versions(stateMachineArn="{{machine}}")["stateMachineVersions"]
            empty_aliases = sfn.list_state_machine_aliases(stateMachineArn="{{machine}}")["stateMachineAliases"]
            version = sfn.publish_state_machine_version(stateMachineArn="{{machine}}", description="v1")["stateMachineVersionArn"]
            alias = sfn.create_state_machine_alias(name="prod", routingConfiguration=[{"stateMachineVersionArn": version, "weight": 100}])["stateMachineAliasArn"]
            sfn.update_state_machine_alias(stateMachineAliasArn=alias, description="changed")
            described = sfn.describe_state_machine_alias(stateMachineAliasArn=alias)
            try:
                sfn.create_state_machine_alias(name="bad", routingConfiguration=[{"stateMachineVersionArn": version, "weight": 60}])
                error = "none"
            except sfn.exceptions.ValidationException as e:
                error = e.response["Error"]["Message"]
            sfn.delete_state_machine_alias(stateMachineAliasArn=alias)
            sfn.delete_state_machine_version(stateMachineVersionArn=version)
            print(json.dumps({"emptyVersions": len(empty_versions), "emptyAliases": len(empty_aliases), "version": version, "alias": alias,
                "description": described["description"], "weight": described["routingConfiguration"][0]["weight"], "error": error,
                "after": len(sfn.list_state_machine_versions(stateMachineArn="{{machine}}")["stateMachineVersions"])}))
            """;
        var result = await Boto3Script.RunAsync(script);

        Assert.Equal(0, result.GetProperty("emptyVersions").GetInt32());
        Assert.Equal(0, result.GetProperty("emptyAliases").GetInt32());
        Assert.Equal(machine + ":1", result.GetProperty("version").GetString());
        Assert.Equal(machine + ":prod", result.GetProperty("alias").GetString());
        Assert.Equal("changed", result.GetProperty("description").GetString());
        Assert.Equal(100, result.GetProperty("weight").GetInt32());
        Assert.Equal("Sum of routing configuration weights must equal 100. Received: [60]", result.GetProperty("error").GetString());
        Assert.Equal(0, result.GetProperty("after").GetInt32());
    }
}
