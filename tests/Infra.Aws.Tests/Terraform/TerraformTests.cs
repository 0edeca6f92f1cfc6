using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infra.Aws.Tests.Terraform;

/// <summary>
/// infra/terraform describes the same deployment as the CDK stack: each test puts one part of both in the same terms
/// (physical names, resolved references) and compares them, so a change to one that is not made to the other fails here.
/// No Terraform binary is needed: HashiCorp's HCL parser runs in Node (see <see cref="TerraformConfig"/>).
/// </summary>
public sealed partial class TerraformTests(PocStackFixture stack)
{
    private static readonly Lazy<Task<TerraformConfig>> Config = new(() => TerraformConfig.LoadAsync(CancellationToken.None));

    /// <summary>Every CloudFormation type the stack synthesises, and the Terraform type that must match it one for one.</summary>
    private static readonly Dictionary<string, string> Counterparts = new(StringComparer.Ordinal)
    {
        ["AWS::DynamoDB::Table"] = "aws_dynamodb_table",
        ["AWS::Lambda::Function"] = "aws_lambda_function",
        ["AWS::IAM::Role"] = "aws_iam_role",
        ["AWS::IAM::Policy"] = "aws_iam_role_policy",
        ["AWS::Logs::LogGroup"] = "aws_cloudwatch_log_group",
        ["AWS::StepFunctions::StateMachine"] = "aws_sfn_state_machine",
        ["AWS::Scheduler::Schedule"] = "aws_scheduler_schedule",
        ["AWS::CloudWatch::Alarm"] = "aws_cloudwatch_metric_alarm",
        ["AWS::CloudWatch::Dashboard"] = "aws_cloudwatch_dashboard",
    };

    private CdkModel Cdk => new(stack.Json);

    [Fact]
    public async Task EveryResourceType_SameCountOnBothSides()
    {
        var tf = await Config.Value;
        var cdkTypes = Cdk.Resources.Select(r => (string)r.Value!["Type"]!).Where(t => t != "AWS::CDK::Metadata").ToList();

        Assert.All(cdkTypes.Distinct(), t => Assert.True(Counterparts.ContainsKey(t), $"the CDK stack has a {t}, which infra/terraform has no counterpart for"));
        foreach (var (cfn, terraform) in Counterparts)
        {
            Assert.True(cdkTypes.Count(t => t == cfn) == tf.Resources.GetValueOrDefault(terraform, []).Count,
                $"{cfn}: {cdkTypes.Count(t => t == cfn)} in the CDK stack, {tf.Resources.GetValueOrDefault(terraform, []).Count} {terraform} in infra/terraform");
        }
    }

    [Fact]
    public async Task Tables_SameNamesKeysIndexBillingAndRecovery()
    {
        var tf = await Config.Value;
        Assert.Equal(Cdk.Names("AWS::DynamoDB::Table").Order(), tf.Names("aws_dynamodb_table").Order());
        foreach (var name in Cdk.Names("AWS::DynamoDB::Table"))
        {
            var (_, cdk) = Cdk.Named("AWS::DynamoDB::Table", name);
            var (_, hcl) = tf.Named("aws_dynamodb_table", name);
            var cdkKey = (string)cdk["KeySchema"]!.AsArray().Single(k => (string)k!["KeyType"]! == "HASH")!["AttributeName"]!;
            var cdkIndexes = cdk["GlobalSecondaryIndexes"]?.AsArray().Select(i => string.Join(" ",
                (string)i!["IndexName"]!,
                string.Join(",", i["KeySchema"]!.AsArray().Select(k => $"{k!["AttributeName"]}:{k["KeyType"]}")),
                (string)i["Projection"]!["ProjectionType"]!)) ?? [];
            var hclIndexes = hcl["global_secondary_index"]?.AsArray().Select(i => string.Join(" ",
                tf.Resolve(i!["name"]),
                $"{tf.Resolve(i["hash_key"])}:HASH" + (i["range_key"] is { } range ? $",{tf.Resolve(range)}:RANGE" : ""),
                tf.Resolve(i["projection_type"]))) ?? [];

            Assert.Equal(cdkKey, tf.Resolve(hcl["hash_key"]));
            Assert.Equal((string?)cdk["BillingMode"], tf.Resolve(hcl["billing_mode"]));
            Assert.Equal(cdkIndexes, hclIndexes);
            Assert.Equal(
                cdk["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"]?.GetValue<bool>() ?? false,
                hcl["point_in_time_recovery"]?[0]?["enabled"]?.GetValue<bool>() ?? false);
        }
    }

    [Fact]
    public async Task Functions_SameNamesHandlersRuntimeSizesEnvironmentAndLogGroups()
    {
        var tf = await Config.Value;
        Assert.Equal(Cdk.Names("AWS::Lambda::Function").Order(), tf.Names("aws_lambda_function").Order());
        foreach (var name in Cdk.Names("AWS::Lambda::Function"))
        {
            var (_, cdk) = Cdk.Named("AWS::Lambda::Function", name);
            var (_, hcl) = tf.Named("aws_lambda_function", name);
            var cdkEnvironment = cdk["Environment"]!["Variables"]!.AsObject().ToDictionary(v => v.Key, v => Cdk.Canonical(v.Value));
            var hclEnvironment = hcl["environment"]![0]!["variables"]!.AsObject().ToDictionary(v => v.Key, v => tf.Resolve(v.Value));

            Assert.Equal(
                (Cdk.Canonical(cdk["Runtime"]), Cdk.Canonical(cdk["Handler"]), Cdk.Canonical(cdk["MemorySize"]), Cdk.Canonical(cdk["Timeout"])),
                (tf.Resolve(hcl["runtime"]), tf.Resolve(hcl["handler"]), tf.Resolve(hcl["memory_size"]), tf.Resolve(hcl["timeout"])));
            Assert.Equal(cdkEnvironment.OrderBy(v => v.Key), hclEnvironment.OrderBy(v => v.Key));
            Assert.Equal(Cdk.Canonical(cdk["LoggingConfig"]!["LogGroup"]), tf.Resolve(hcl["logging_config"]![0]!["log_group"]));
        }
    }

    [Theory]
    [InlineData("poc-simulated-api")]
    [InlineData("poc-create-job")]
    [InlineData("poc-poller")]
    public async Task FunctionRole_SameTrustAndTheSameActionsOnTheSameResources(string name)
    {
        var tf = await Config.Value;
        var cdkRole = TemplateJson.RoleOf(Cdk.Named("AWS::Lambda::Function", name).Properties["Role"]!);
        var hclRole = TerraformConfig.RoleLabel(tf.Named("aws_lambda_function", name).Body["role"]);

        AssertSameRole(tf, cdkRole, hclRole);
    }

    [Fact]
    public async Task StateMachines_SameNamesTypeDefinitionFilesSubstitutionsLoggingAndRoles()
    {
        var tf = await Config.Value;
        Assert.Equal(Cdk.Names("AWS::StepFunctions::StateMachine").Order(), tf.Names("aws_sfn_state_machine").Order());
        foreach (var name in Cdk.Names("AWS::StepFunctions::StateMachine"))
        {
            var (_, cdk) = Cdk.Named("AWS::StepFunctions::StateMachine", name);
            var (_, hcl) = tf.Named("aws_sfn_state_machine", name);
            var template = TemplateFile().Match((string)hcl["definition"]!);
            Assert.True(template.Success, $"{name}: definition is not templatefile(\"${{var.state_machines_dir}}/<file>\", {{ … }})");
            var file = template.Groups["file"].Value;
            var hclSubstitutions = template.Groups["pair"].Captures.Select(c => c.Value.Split('=', 2, StringSplitOptions.TrimEntries))
                .ToDictionary(p => p[0], p => tf.Resolve(JsonValue.Create("${" + p[1] + "}")));
            var cdkSubstitutions = cdk["DefinitionSubstitutions"]!.AsObject().ToDictionary(s => s.Key, s => Cdk.Canonical(s.Value));
            var cdkLogging = cdk["LoggingConfiguration"]!;
            var hclLogging = hcl["logging_configuration"]![0]!;

            // The CDK inlines the file it read; Terraform names it: both must be the same ASL file.
            Assert.Equal(File.ReadAllText(Path.Combine(stack.StateMachinesDirectory, file)), Cdk.Canonical(cdk["DefinitionString"]));
            Assert.Equal(cdkSubstitutions.OrderBy(s => s.Key), hclSubstitutions.OrderBy(s => s.Key));
            Assert.Equal(Cdk.Canonical(cdk["StateMachineType"]), tf.Resolve(hcl["type"]));
            Assert.Equal(
                (Cdk.Canonical(cdkLogging["Level"]), Cdk.Canonical(cdkLogging["IncludeExecutionData"]), Cdk.Canonical(cdkLogging["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"])),
                (tf.Resolve(hclLogging["level"]), tf.Resolve(hclLogging["include_execution_data"]), tf.Resolve(hclLogging["log_destination"])));
            AssertSameRole(tf, TemplateJson.RoleOf(cdk["RoleArn"]!), TerraformConfig.RoleLabel(hcl["role_arn"]));
        }
    }

    [Fact]
    public async Task PollerSchedule_SameNameExpressionTargetRetryAndRole()
    {
        var tf = await Config.Value;
        var (_, cdkSchedule) = Assert.Single(stack.Json.Resources("AWS::Scheduler::Schedule"));
        var cdk = cdkSchedule["Properties"]!;
        var hcl = Assert.Single(tf.Resources["aws_scheduler_schedule"]).Value;
        var cdkTarget = cdk["Target"]!;
        var hclTarget = hcl["target"]![0]!;

        Assert.Equal(
            (Cdk.Canonical(cdk["Name"]), Cdk.Canonical(cdk["GroupName"]), Cdk.Canonical(cdk["ScheduleExpression"]), Cdk.Canonical(cdk["State"]), Cdk.Canonical(cdk["FlexibleTimeWindow"]!["Mode"])),
            (tf.Resolve(hcl["name"]), tf.Resolve(hcl["group_name"]), tf.Resolve(hcl["schedule_expression"]), tf.Resolve(hcl["state"]), tf.Resolve(hcl["flexible_time_window"]![0]!["mode"])));
        Assert.Equal(
            (Cdk.Canonical(cdkTarget["Arn"]), Cdk.Canonical(cdkTarget["Input"]), Cdk.Canonical(cdkTarget["RetryPolicy"]!["MaximumRetryAttempts"])),
            (tf.Resolve(hclTarget["arn"]), tf.Resolve(hclTarget["input"]), tf.Resolve(hclTarget["retry_policy"]![0]!["maximum_retry_attempts"])));
        AssertSameRole(tf, TemplateJson.RoleOf(cdkTarget["RoleArn"]!), TerraformConfig.RoleLabel(hclTarget["role_arn"]));
    }

    [Fact]
    public async Task Alarms_SameNamesMetricsDimensionsAndThresholds()
    {
        var tf = await Config.Value;
        Assert.Equal(Cdk.Names("AWS::CloudWatch::Alarm").Order(), tf.Names("aws_cloudwatch_metric_alarm").Order());
        foreach (var name in Cdk.Names("AWS::CloudWatch::Alarm"))
        {
            var (_, cdk) = Cdk.Named("AWS::CloudWatch::Alarm", name);
            var (_, hcl) = tf.Named("aws_cloudwatch_metric_alarm", name);
            string[] cdkFields = ["AlarmDescription", "Namespace", "MetricName", "Statistic", "Period", "EvaluationPeriods", "Threshold", "ComparisonOperator", "TreatMissingData"];
            string[] hclFields = ["alarm_description", "namespace", "metric_name", "statistic", "period", "evaluation_periods", "threshold", "comparison_operator", "treat_missing_data"];
            var cdkDimensions = cdk["Dimensions"]?.AsArray().Select(d => $"{d!["Name"]}={Cdk.Canonical(d["Value"])}") ?? [];
            var hclDimensions = hcl["dimensions"]?.AsObject().Select(d => $"{d.Key}={tf.Resolve(d.Value)}") ?? [];

            Assert.Equal(cdkFields.Select(f => Cdk.Canonical(cdk[f])), hclFields.Select(f => tf.Resolve(hcl[f])));
            Assert.Equal(cdkDimensions.Order(), hclDimensions.Order());
            Assert.Null(cdk["AlarmActions"]);
            Assert.Null(hcl["alarm_actions"]);
        }
    }

    [Fact]
    public async Task Dashboard_SameNameAndWidgetTitles()
    {
        var tf = await Config.Value;
        var (_, cdkDashboard) = Assert.Single(stack.Json.Resources("AWS::CloudWatch::Dashboard"));
        var hcl = Assert.Single(tf.Resources["aws_cloudwatch_dashboard"]).Value;
        var cdkTitles = CdkTitle().Matches(Cdk.Canonical(cdkDashboard["Properties"]!["DashboardBody"])).Select(m => m.Groups[1].Value);
        var hclTitles = HclTitle().Matches((string)hcl["dashboard_body"]!).Select(m => m.Groups[1].Value);

        Assert.Equal(Cdk.Canonical(cdkDashboard["Properties"]!["DashboardName"]), tf.Resolve(hcl["dashboard_name"]));
        Assert.Equal(cdkTitles, hclTitles);
        Assert.NotEmpty(cdkTitles);
    }

    [Fact]
    public async Task LogGroups_SameNamesAndRetention()
    {
        var tf = await Config.Value;
        Assert.Equal(Cdk.Names("AWS::Logs::LogGroup").Order(), tf.Names("aws_cloudwatch_log_group").Order());
        foreach (var name in Cdk.Names("AWS::Logs::LogGroup"))
        {
            Assert.Equal(Cdk.Canonical(Cdk.Named("AWS::Logs::LogGroup", name).Properties["RetentionInDays"]), tf.Resolve(tf.Named("aws_cloudwatch_log_group", name).Body["retention_in_days"]));
        }
    }

    [Fact]
    public async Task Outputs_SameValuesUnderSnakeCaseNames()
    {
        var tf = await Config.Value;
        var cdk = stack.Json.Root["Outputs"]!.AsObject().ToDictionary(o => SnakeCase(o.Key), o => Cdk.Canonical(o.Value!["Value"]));
        var hcl = tf.Outputs.ToDictionary(o => o.Key, o => tf.Resolve(JsonValue.Create(o.Value)));

        Assert.Equal(cdk.OrderBy(o => o.Key), hcl.OrderBy(o => o.Key));
    }

    [Fact]
    public async Task TheComparisonsSeeADifference()
    {
        var tf = await Config.Value;
        var poller = tf.Named("aws_lambda_function", "poc-poller").Body;

        // The same resolution the tests rely on, on values that differ: a wrong name or a missing ":*" must not compare equal.
        Assert.Equal("table:poc-task-tokens/index/status-index", tf.Resolve(JsonValue.Create("${aws_dynamodb_table.tokens.arn}/index/${var.tokens_status_index_name}")));
        Assert.NotEqual(tf.Resolve(JsonValue.Create("${aws_cloudwatch_log_group.poller.arn}")), tf.Resolve(JsonValue.Create("${aws_cloudwatch_log_group.poller.arn}:*")));
        Assert.Equal("function:poc-simulated-api", tf.Resolve(poller["environment"]![0]!["variables"]!["SIMULATED_API_FUNCTION"]));
        Assert.Equal("${aws_lambda_function.nonexistent.arn}", tf.Resolve(JsonValue.Create("${aws_lambda_function.nonexistent.arn}")));
    }

    private void AssertSameRole(TerraformConfig tf, string cdkRole, string hclRole)
    {
        var cdkGrants = Cdk.Grants(cdkRole);
        var hclGrants = tf.Grants(hclRole);
        Assert.Equal(Cdk.Trust(cdkRole), tf.Trust(hclRole));
        Assert.Equal(cdkGrants.Keys.Order(StringComparer.Ordinal), hclGrants.Keys.Order(StringComparer.Ordinal));
        foreach (var (action, resources) in cdkGrants)
        {
            Assert.True(resources.SetEquals(hclGrants[action]), $"{action}: CDK {string.Join(", ", resources)}; Terraform {string.Join(", ", hclGrants[action])}");
        }
    }

    private static string SnakeCase(string pascal) => UpperCase().Replace(pascal, m => (m.Index == 0 ? "" : "_") + m.Value.ToLowerInvariant());

    [GeneratedRegex(@"^\$\{templatefile\(""\$\{var\.state_machines_dir\}/(?<file>[^""]+)"",\s*\{\s*(?:(?<pair>\w+\s*=\s*[\w.]+)\s*)*\}\)\}$")]
    private static partial Regex TemplateFile();

    [GeneratedRegex(@"""title"":""([^""]+)""")]
    private static partial Regex CdkTitle();

    [GeneratedRegex(@"title\s*=\s*""([^""]+)""")]
    private static partial Regex HclTitle();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
