using System.Text.Json.Nodes;

namespace Infra.Aws.Tests;

// Read-only queries over the synthesised CloudFormation template, in the terms the tests speak:
// a resource by its physical name, a role's (action, resource) pairs.
public sealed class TemplateJson(JsonObject template)
{
    public JsonObject Root { get; } = template;

    public IEnumerable<KeyValuePair<string, JsonObject>> Resources(string type) =>
        Root["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject()));

    public JsonObject Properties(string logicalId) => Root["Resources"]![logicalId]!["Properties"]!.AsObject();

    /// <summary>The logical id of the one resource of <paramref name="type"/> whose <paramref name="nameProperty"/> is <paramref name="name"/>.</summary>
    public string LogicalId(string type, string nameProperty, string name) =>
        Assert.Single(Resources(type), r => (string?)r.Value["Properties"]?[nameProperty] == name).Key;

    public static JsonNode GetAtt(string logicalId, string attribute = "Arn") =>
        new JsonObject { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static JsonNode Ref(string logicalId) => new JsonObject { ["Ref"] = logicalId };

    public static JsonNode Join(params JsonNode[] parts) =>
        new JsonObject { ["Fn::Join"] = new JsonArray("", new JsonArray(parts)) };

    /// <summary>The role's logical id from a Fn::GetAtt [role, Arn] property.</summary>
    public static string RoleOf(JsonNode roleArn) => (string)roleArn["Fn::GetAtt"]![0]!;

    /// <summary>Every Allow (action, resource) pair any policy gives the role, as action → resources (JSON text).</summary>
    public IReadOnlyDictionary<string, ISet<string>> Grants(string roleLogicalId)
    {
        var grants = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
        var documents = Resources("AWS::IAM::Policy")
            .Where(p => p.Value["Properties"]!["Roles"]!.AsArray().Any(r => JsonNode.DeepEquals(r, Ref(roleLogicalId))))
            .Select(p => p.Value["Properties"]!["PolicyDocument"]!);
        var inline = Properties(roleLogicalId)["Policies"]?.AsArray().Select(p => p!["PolicyDocument"]!) ?? [];
        foreach (var statement in documents.Concat(inline).SelectMany(d => d["Statement"]!.AsArray()))
        {
            Assert.Equal("Allow", (string?)statement!["Effect"]);
            foreach (var action in Many(statement["Action"]!))
            {
                if (!grants.TryGetValue((string)action!, out var resources))
                {
                    grants[(string)action!] = resources = new HashSet<string>(StringComparer.Ordinal);
                }

                foreach (var resource in Many(statement["Resource"]!))
                {
                    resources.Add(resource!.ToJsonString());
                }
            }
        }

        return grants;
    }

    private static JsonArray Many(JsonNode node) => node as JsonArray ?? [node.DeepClone()];
}
