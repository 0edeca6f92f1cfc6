using System.Text.Json.Nodes;

namespace Infra.Aws.Tests.Terraform;

/// <summary>
/// The synthesised CloudFormation template in the terms <see cref="TerraformConfig"/> resolves to: a Ref or Fn::GetAtt
/// becomes the resource's kind and physical name, an Fn::Join its parts joined.
/// </summary>
public sealed class CdkModel(TemplateJson template)
{
    /// <summary>CloudFormation type → (kind, the property holding its physical name), as in <see cref="TerraformConfig"/>.</summary>
    public static readonly Dictionary<string, (string Kind, string NameProperty)> Kinds = new(StringComparer.Ordinal)
    {
        ["AWS::DynamoDB::Table"] = ("table", "TableName"),
        ["AWS::Lambda::Function"] = ("function", "FunctionName"),
        ["AWS::StepFunctions::StateMachine"] = ("statemachine", "StateMachineName"),
        ["AWS::Logs::LogGroup"] = ("loggroup", "LogGroupName"),
        ["AWS::CloudWatch::Alarm"] = ("alarm", "AlarmName"),
    };

    public TemplateJson Template { get; } = template;

    public JsonObject Resources => Template.Root[ResourcesKey]!.AsObject();

    private const string ResourcesKey = "Resources";

    public string TypeOf(string logicalId) => (string)Resources[logicalId]!["Type"]!;

    public string Canonical(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => value.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue value => value.ToJsonString(),
        // Pseudo parameters (AWS::AccountId, AWS::Region) by their lower-cased name, as Terraform's data sources resolve.
        JsonObject o when o["Ref"] is { } reference => ((string)reference!).StartsWith("AWS::", StringComparison.Ordinal)
            ? ((string)reference!)["AWS::".Length..].Replace("Id", "_id", StringComparison.Ordinal).ToLowerInvariant()
            : NameOf((string)reference!),
        // CloudFormation's Arn of a log group ends in ":*" (its log streams), unlike Terraform's arn attribute:
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#aws-resource-logs-loggroup-return-values
        JsonObject o when o["Fn::GetAtt"] is JsonArray getAtt =>
            NameOf((string)getAtt[0]!) + (TypeOf((string)getAtt[0]!) == "AWS::Logs::LogGroup" ? ":*" : ""),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, join[1]!.AsArray().Select(Canonical)),
        _ => node.ToJsonString(),
    };

    /// <summary>kind:name of a resource, role:logicalId for a role (neither side names its roles).</summary>
    public string NameOf(string logicalId)
    {
        var type = TypeOf(logicalId);
        return Kinds.TryGetValue(type, out var kind)
            ? kind.Kind + ":" + Canonical(Resources[logicalId]!["Properties"]![kind.NameProperty])
            : type == "AWS::IAM::Role" ? "role:" + logicalId : logicalId;
    }

    public (string LogicalId, JsonObject Properties) Named(string type, string name)
    {
        var logicalId = Template.LogicalId(type, Kinds[type].NameProperty, name);
        return (logicalId, Template.Properties(logicalId));
    }

    public IEnumerable<string> Names(string type) =>
        Template.Resources(type).Select(r => Canonical(r.Value["Properties"]![Kinds[type].NameProperty]));

    /// <summary>action → resources, over every Allow statement of every policy attached to the role.</summary>
    public Dictionary<string, SortedSet<string>> Grants(string roleLogicalId)
    {
        var grants = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var statements = Template.Resources("AWS::IAM::Policy")
            .Where(p => p.Value["Properties"]!["Roles"]!.AsArray().Any(r => JsonNode.DeepEquals(r, TemplateJson.Ref(roleLogicalId))))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray());
        foreach (var statement in statements)
        {
            Assert.Equal("Allow", (string?)statement!["Effect"]);
            foreach (var action in Many(statement["Action"]!))
            {
                var resources = grants.TryGetValue((string)action!, out var known) ? known : grants[(string)action!] = new(StringComparer.Ordinal);
                resources.UnionWith(Many(statement["Resource"]!).Select(Canonical));
            }
        }

        return grants;
    }

    /// <summary>The service principal a role trusts, and the condition keys it requires.</summary>
    public (string Service, string Conditions) Trust(string roleLogicalId)
    {
        var statement = Assert.Single(Template.Properties(roleLogicalId)["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        var conditions = statement["Condition"] is JsonObject c
            ? string.Join(";", c.SelectMany(test => test.Value!.AsObject().Select(v => $"{test.Key} {v.Key}={Canonical(v.Value)}")))
            : "";
        return ((string)statement["Principal"]!["Service"]!, conditions);
    }

    private static JsonArray Many(JsonNode node) => node as JsonArray ?? [node.DeepClone()];
}
