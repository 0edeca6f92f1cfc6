using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infra.Aws.Tests.Terraform;

/// <summary>
/// infra/terraform parsed by HashiCorp's HCL parser (npm @cdktf/hcl2json, run by Node), with references put in the same
/// terms as <see cref="CdkModel"/>: a variable by its default, a resource by its kind and physical name
/// ("table:poc-jobs", "function:poc-poller", …). Only what the configuration uses is understood; anything else is left as
/// written, so it cannot compare equal by accident.
/// </summary>
public sealed partial class TerraformConfig
{
    private static readonly Dictionary<string, (string Kind, string NameAttribute)> Kinds = new(StringComparer.Ordinal)
    {
        ["aws_dynamodb_table"] = ("table", "name"),
        ["aws_lambda_function"] = ("function", "function_name"),
        ["aws_sfn_state_machine"] = ("statemachine", "name"),
        ["aws_cloudwatch_log_group"] = ("loggroup", "name"),
        ["aws_cloudwatch_metric_alarm"] = ("alarm", "alarm_name"),
    };

    private readonly Dictionary<string, JsonNode?> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> locals = new(StringComparer.Ordinal);

    private TerraformConfig(JsonObject files)
    {
        foreach (var (_, file) in files)
        {
            foreach (var (blockType, blocks) in file!.AsObject())
            {
                switch (blockType)
                {
                    case "variable":
                        foreach (var (name, body) in blocks!.AsObject())
                        {
                            variables[name] = body![0]!["default"]?.DeepClone();
                        }
                        break;
                    case "locals":
                        foreach (var local in blocks!.AsArray())
                        {
                            foreach (var (name, value) in local!.AsObject())
                            {
                                locals[name] = value?.DeepClone();
                            }
                        }
                        break;
                    case "resource":
                        Collect(Resources, blocks!.AsObject());
                        break;
                    case "data":
                        Collect(Data, blocks!.AsObject());
                        break;
                    case "output":
                        foreach (var (name, body) in blocks!.AsObject())
                        {
                            Outputs[name] = body![0]!["value"]!.GetValue<string>();
                        }
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /// <summary>type → label → body.</summary>
    public Dictionary<string, Dictionary<string, JsonObject>> Resources { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, JsonObject>> Data { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    public static string Folder => Path.Combine(Repository.Root, "infra", "terraform");

    private static string ParserFolder => Path.Combine(Repository.Root, "tests", "Infra.Aws.Tests", "Terraform");

    /// <summary>Parses infra/terraform, or skips the test saying how to install the parser.</summary>
    public static async Task<TerraformConfig> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(ParserFolder, "node_modules", "@cdktf", "hcl2json")))
        {
            Assert.Skip("The HCL parser is not installed: run `npm ci --prefix tests/Infra.Aws.Tests/Terraform` (.ci/run does).");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ParserFolder };
        start.ArgumentList.Add("hcl2json.mjs");
        start.ArgumentList.Add(Folder);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, "hcl2json failed: " + await error);
        return new TerraformConfig(JsonNode.Parse(await output)!.AsObject());
    }

    public JsonObject Resource(string type, string label) => Resources[type][label];

    /// <summary>The one resource of <paramref name="type"/> whose physical name resolves to <paramref name="name"/>.</summary>
    public (string Label, JsonObject Body) Named(string type, string name)
    {
        var match = Assert.Single(Resources[type], r => Resolve(r.Value[Kinds[type].NameAttribute]) == name);
        return (match.Key, match.Value);
    }

    public IEnumerable<string> Names(string type) => Resources.GetValueOrDefault(type, []).Values.Select(b => Resolve(b[Kinds[type].NameAttribute]));

    /// <summary>A value in canonical terms: interpolations replaced, numbers and booleans as text.</summary>
    public string Resolve(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => ResolveText(text),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => value.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>A list attribute: a literal list, or a reference to a local list.</summary>
    public IEnumerable<string> ResolveList(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Resolve),
        JsonValue value when value.TryGetValue<string>(out var text) && LocalReference().Match(text) is { Success: true } m => ResolveList(locals[m.Groups[1].Value]),
        _ => [Resolve(node)],
    };

    /// <summary>action → resources, over every statement of every inline policy of the role.</summary>
    public Dictionary<string, SortedSet<string>> Grants(string roleLabel)
    {
        var grants = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var policies = Resources["aws_iam_role_policy"].Values.Where(p => (string?)p["role"] == $"${{aws_iam_role.{roleLabel}.id}}");
        foreach (var statement in policies.SelectMany(p => Document(p["policy"])["statement"]!.AsArray()))
        {
            Assert.Equal("Allow", (string?)statement!["effect"] ?? "Allow");
            foreach (var action in ResolveList(statement["actions"]))
            {
                var resources = grants.TryGetValue(action, out var known) ? known : grants[action] = new(StringComparer.Ordinal);
                resources.UnionWith(ResolveList(statement["resources"]));
            }
        }

        return grants;
    }

    /// <summary>The service principal a role trusts, and the condition keys it requires, as <see cref="CdkModel.Trust"/>.</summary>
    public (string Service, string Conditions) Trust(string roleLabel)
    {
        var statement = Assert.Single(Document(Resource("aws_iam_role", roleLabel)["assume_role_policy"])["statement"]!.AsArray())!;
        var service = Resolve(Assert.Single(Assert.Single(statement["principals"]!.AsArray())!["identifiers"]!.AsArray()));
        var conditions = statement["condition"] is JsonArray all
            ? string.Join(";", all.Select(c => $"{Resolve(c!["test"])} {Resolve(c["variable"])}={Resolve(Assert.Single(c["values"]!.AsArray()))}"))
            : "";
        return (service, conditions);
    }

    /// <summary>The label of the role an attribute such as <c>role = aws_iam_role.poller.arn</c> names.</summary>
    public static string RoleLabel(JsonNode? reference) => RoleReference().Match((string?)reference ?? "") is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException($"not a role reference: {reference}");

    private JsonObject Document(JsonNode? reference) => PolicyDocumentReference().Match((string?)reference ?? "") is { Success: true } m
        ? Data["aws_iam_policy_document"][m.Groups[1].Value]
        : throw new InvalidOperationException($"not an aws_iam_policy_document reference: {reference}");

    private string ResolveText(string text) => Interpolation().Replace(text, m => ResolveExpression(m.Groups[1].Value));

    private string ResolveExpression(string expression)
    {
        if (ToStringCall().Match(expression) is { Success: true } converted)
        {
            expression = converted.Groups[1].Value;
        }

        var parts = expression.Split('.');
        return parts switch
        {
            ["var", var name] => Resolve(variables[name]),
            ["local", var name] => Resolve(locals[name]),
            ["data", "aws_caller_identity", _, "account_id"] => "account_id",
            [var type, var label, _] when Kinds.TryGetValue(type, out var kind) && Resources[type].TryGetValue(label, out var body) =>
                kind.Kind + ":" + Resolve(body[kind.NameAttribute]),
            ["aws_iam_role", var label, _] => "role:" + label,
            _ => "${" + expression + "}",
        };
    }

    [GeneratedRegex(@"^\$\{aws_iam_role\.(\w+)\.(?:arn|id|name)\}$")]
    private static partial Regex RoleReference();

    [GeneratedRegex(@"^\$\{data\.aws_iam_policy_document\.(\w+)\.json\}$")]
    private static partial Regex PolicyDocumentReference();

    [GeneratedRegex(@"\$\{([^{}]+)\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^tostring\((.+)\)$")]
    private static partial Regex ToStringCall();

    [GeneratedRegex(@"^\$\{local\.(\w+)\}$")]
    private static partial Regex LocalReference();

    private static void Collect(Dictionary<string, Dictionary<string, JsonObject>> into, JsonObject blocks)
    {
        foreach (var (type, labelled) in blocks)
        {
            var ofType = into.TryGetValue(type, out var existing) ? existing : into[type] = new(StringComparer.Ordinal);
            foreach (var (label, body) in labelled!.AsObject())
            {
                ofType[label] = body![0]!.AsObject();
            }
        }
    }
}
