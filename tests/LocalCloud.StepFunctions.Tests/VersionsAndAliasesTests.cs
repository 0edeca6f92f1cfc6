using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>State machine versions and aliases (issue #14): AWS's rules as LocalStack's recorded snapshots and the API reference give them.</summary>
public sealed class VersionsAndAliasesTests
{
    private const string V1 = """{"Comment":"one","StartAt":"P","States":{"P":{"Type":"Pass","Result":"one","End":true}}}""";
    private const string V2 = """{"Comment":"two","StartAt":"P","States":{"P":{"Type":"Pass","Result":"two","End":true}}}""";
    private const string Machine = "arn:aws:states:us-east-1:000000000000:stateMachine:sm";

    private static async Task<string> PublishAsync(SfnHarness sfn, string? description = null)
        => (await sfn.OkAsync("PublishStateMachineVersion", new { stateMachineArn = Machine, description }))["stateMachineVersionArn"]!.GetValue<string>();

    private static async Task UpdateAsync(SfnHarness sfn, string definition)
        => await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = Machine, definition });

    private static string[] Arns(JsonObject list, string member, string field)
        => [.. list[member]!.AsArray().Select(i => i![field]!.GetValue<string>())];

    [Fact]
    public async Task CreateWithPublish_ReturnsVersionOne_DescribeShowsVersion()
    {
        await using var sfn = new SfnHarness();
        var created = await sfn.OkAsync("CreateStateMachine", new { name = "sm", definition = V1, roleArn = SfnHarness.Role, publish = true, versionDescription = "first" });
        Assert.Equal(Machine + ":1", created["stateMachineVersionArn"]!.GetValue<string>());

        var described = await sfn.OkAsync("DescribeStateMachine", new { stateMachineArn = Machine + ":1" });
        Assert.Equal(Machine + ":1", described["stateMachineArn"]!.GetValue<string>());
        Assert.Equal("sm", described["name"]!.GetValue<string>());
        Assert.Equal(V1, described["definition"]!.GetValue<string>());
        Assert.Equal("first", described["description"]!.GetValue<string>());

        var plain = await sfn.OkAsync("CreateStateMachine", new { name = "plain", definition = V1, roleArn = SfnHarness.Role });
        Assert.Null(plain["stateMachineVersionArn"]);
        var error = await sfn.ErrorAsync("CreateStateMachine", new { name = "x", definition = V1, roleArn = SfnHarness.Role, versionDescription = "d" });
        Assert.Equal(("ValidationException", "Version description can only be set when publish is true"), error);
    }

    [Fact]
    public async Task Publish_IsIdempotentPerRevision_NumbersNeverReused_ListNewestFirst()
    {
        await using var sfn = new SfnHarness();
        await sfn.CreateAsync(V1);
        Assert.Equal(Machine + ":1", await PublishAsync(sfn));
        Assert.Equal(Machine + ":1", await PublishAsync(sfn));
        await UpdateAsync(sfn, V2);
        Assert.Equal(Machine + ":2", await PublishAsync(sfn));
        Assert.Equal([Machine + ":2", Machine + ":1"], Arns(await sfn.OkAsync("ListStateMachineVersions", new { stateMachineArn = Machine }), "stateMachineVersions", "stateMachineVersionArn"));

        await sfn.OkAsync("DeleteStateMachineVersion", new { stateMachineVersionArn = Machine + ":2" });
        await sfn.OkAsync("DeleteStateMachineVersion", new { stateMachineVersionArn = Machine + ":2" });
        await UpdateAsync(sfn, V1 + " ");
        Assert.Equal(Machine + ":3", await PublishAsync(sfn));
        Assert.Equal([Machine + ":3", Machine + ":1"], Arns(await sfn.OkAsync("ListStateMachineVersions", new { stateMachineArn = Machine }), "stateMachineVersions", "stateMachineVersionArn"));
    }

    [Fact]
    public async Task Publish_StaleRevision_IsConflict_InitialMatchesBeforeFirstUpdate()
    {
        await using var sfn = new SfnHarness();
        await sfn.CreateAsync(V1);
        Assert.Equal(Machine + ":1", (await sfn.OkAsync("PublishStateMachineVersion", new { stateMachineArn = Machine, revisionId = "INITIAL" }))["stateMachineVersionArn"]!.GetValue<string>());
        var first = (await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = Machine, definition = V2 }))["revisionId"]!.GetValue<string>();
        var second = (await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = Machine, definition = V1 }))["revisionId"]!.GetValue<string>();

        var (code, message) = await sfn.ErrorAsync("PublishStateMachineVersion", new { stateMachineArn = Machine, revisionId = first });
        Assert.Equal("ConflictException", code);
        Assert.Equal($"Failed to publish the State Machine version for revision {first}. The current State Machine revision is {second}.", message);
        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("PublishStateMachineVersion", new { stateMachineArn = Machine + "-none" })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("PublishStateMachineVersion", new { stateMachineArn = "nope" })).Code);
    }

    [Fact]
    public async Task UpdateWithPublish_ReturnsVersion_UnchangedUpdatePublishesSameVersion()
    {
        await using var sfn = new SfnHarness();
        await sfn.CreateAsync(V1);
        var updated = await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = Machine, definition = V2, publish = true, versionDescription = "v2" });
        Assert.Equal(Machine + ":1", updated["stateMachineVersionArn"]!.GetValue<string>());
        var again = await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = Machine, definition = V2, publish = true });
        Assert.Equal(Machine + ":1", again["stateMachineVersionArn"]!.GetValue<string>());
        Assert.Equal(updated["revisionId"]!.GetValue<string>(), again["revisionId"]!.GetValue<string>());
        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("UpdateStateMachine", new { stateMachineArn = Machine + ":1", definition = V1 })).Code);
    }

    [Fact]
    public async Task ListsOnMachineWithNone_AreEmpty()
    {
        await using var sfn = new SfnHarness();
        await sfn.CreateAsync(V1);
        Assert.Empty((await sfn.OkAsync("ListStateMachineVersions", new { stateMachineArn = Machine }))["stateMachineVersions"]!.AsArray());
        Assert.Empty((await sfn.OkAsync("ListStateMachineAliases", new { stateMachineArn = Machine }))["stateMachineAliases"]!.AsArray());
        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("ListStateMachineAliases", new { stateMachineArn = Machine + "-none" })).Code);
    }

    [Fact]
    public async Task Alias_CreateDescribeUpdateListDelete()
    {
        await using var sfn = new SfnHarness();
        await sfn.CreateAsync(V1);
        var v1 = await PublishAsync(sfn);
        await UpdateAsync(sfn, V2);
        var v2 = await PublishAsync(sfn);
        var routing = new[] { new { stateMachineVersionArn = v1, weight = 100 } };
        var created = await sfn.OkAsync("CreateStateMachineAlias", new { name = "PROD", description = "d", routingConfiguration = routing });
        var alias = created["stateMachineAliasArn"]!.GetValue<string>();
        Assert.Equal(Machine + ":PROD", alias);
        // Idempotent with the same values; anything else under the name is a conflict.
        Assert.Equal(alias, (await sfn.OkAsync("CreateStateMachineAlias", new { name = "PROD", description = "d", routingConfiguration = routing }))["stateMachineAliasArn"]!.GetValue<string>());
        var conflict = await sfn.ErrorAsync("CreateStateMachineAlias", new { name = "PROD", description = "other", routingConfiguration = routing });
        Assert.Equal(("ConflictException", "Failed to create alias because an alias with the same name and a different routing configuration already exists."), conflict);

        sfn.Time.Advance(TimeSpan.FromSeconds(5));
        await sfn.OkAsync("UpdateStateMachineAlias", new { stateMachineAliasArn = alias, routingConfiguration = new[] { new { stateMachineVersionArn = v1, weight = 50 }, new { stateMachineVersionArn = v2, weight = 50 } } });
        var described = await sfn.OkAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = alias });
        Assert.Equal("PROD", described["name"]!.GetValue<string>());
        Assert.Equal("d", described["description"]!.GetValue<string>());
        Assert.Equal([v1, v2], Arns(described, "routingConfiguration", "stateMachineVersionArn"));
        Assert.True(described["updateDate"]!.GetValue<decimal>() > described["creationDate"]!.GetValue<decimal>());

        var deleteVersion = await sfn.ErrorAsync("DeleteStateMachineVersion", new { stateMachineVersionArn = v2 });
        Assert.Equal(("ConflictException", "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [PROD]"), deleteVersion);

        Assert.Equal([alias], Arns(await sfn.OkAsync("ListStateMachineAliases", new { stateMachineArn = Machine }), "stateMachineAliases", "stateMachineAliasArn"));
        Assert.Equal([alias], Arns(await sfn.OkAsync("ListStateMachineAliases", new { stateMachineArn = v2 }), "stateMachineAliases", "stateMachineAliasArn"));
        await sfn.OkAsync("DeleteStateMachineAlias", new { stateMachineAliasArn = alias });
        await sfn.OkAsync("DeleteStateMachineAlias", new { stateMachineAliasArn = alias });
        Assert.Equal(("ResourceNotFound", "Request references a resource that does not exist."), await sfn.ErrorAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = alias }));
        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("UpdateStateMachineAlias", new { stateMachineAliasArn = alias, description = "x" })).Code);
        await sfn.OkAsync("DeleteStateMachineVersion", new { stateMachineVersionArn = v2 });
    }

    [Fact]
    public async Task Alias_RoutingRules_AsAwsWordsThem()
    {
        await using var sfn = new SfnHarness();
        await sfn.CreateAsync(V1);
        var v1 = await PublishAsync(sfn);
        await UpdateAsync(sfn, V2);
        var v2 = await PublishAsync(sfn);

        async Task<(string, string)> Create(object routing, string name = "a") => await sfn.ErrorAsync("CreateStateMachineAlias", new { name, routingConfiguration = routing });

        Assert.Equal(("ValidationException", $"Routing configuration must contain state machine version ARNs. Received: [{Machine}]"),
            await Create(new[] { new { stateMachineVersionArn = Machine, weight = 100 } }));
        Assert.Equal(("ValidationException", $"Routing configuration must contain distinct state machine version ARNs. Received: [{v1}, {v1}]"),
            await Create(new[] { new { stateMachineVersionArn = v1, weight = 50 }, new { stateMachineVersionArn = v1, weight = 50 } }));
        Assert.Equal(("ValidationException", "Sum of routing configuration weights must equal 100. Received: [70, 29]"),
            await Create(new[] { new { stateMachineVersionArn = v1, weight = 70 }, new { stateMachineVersionArn = v2, weight = 29 } }));
        Assert.Equal(("ValidationException", "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100"),
            await Create(new[] { new { stateMachineVersionArn = v1, weight = 101 } }));
        Assert.Contains("Member must have length less than or equal to 2", (await Create(new[]
        {
            new { stateMachineVersionArn = v1, weight = 50 }, new { stateMachineVersionArn = v2, weight = 30 }, new { stateMachineVersionArn = Machine + ":3", weight = 20 },
        })).Item2, StringComparison.Ordinal);
        Assert.Equal("ValidationException", (await Create(Array.Empty<object>())).Item1);
        Assert.Equal(("ResourceNotFound", "Request references a resource that does not exist."), await Create(new[] { new { stateMachineVersionArn = Machine + ":9", weight = 100 } }));
        Assert.Equal(("ValidationException", @"1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$"),
            await Create(new[] { new { stateMachineVersionArn = v1, weight = 100 } }, "123"));
        Assert.Equal("ValidationException", (await Create(new[] { new { stateMachineVersionArn = v1, weight = 100 } }, "has space")).Item1);

        await sfn.CreateAsync(V1, "other");
        var otherVersion = (await sfn.OkAsync("PublishStateMachineVersion", new { stateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:other" }))
            ["stateMachineVersionArn"]!.GetValue<string>();
        Assert.Equal("ValidationException", (await Create(new[] { new { stateMachineVersionArn = v1, weight = 50 }, new { stateMachineVersionArn = otherVersion, weight = 50 } })).Item1);
    }

    [Fact]
    public async Task StartExecution_OnVersionAndAlias_RunsThatVersion_RecordsIt()
    {
        await using var sfn = new SfnHarness();
        sfn.Service.AliasRouting = new Random(7);
        await sfn.CreateAsync(V1);
        var v1 = await PublishAsync(sfn);
        await UpdateAsync(sfn, V2);
        var v2 = await PublishAsync(sfn);
        await UpdateAsync(sfn, """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"latest","End":true}}}""");
        var alias = (await sfn.OkAsync("CreateStateMachineAlias", new
        {
            name = "live",
            routingConfiguration = new[] { new { stateMachineVersionArn = v1, weight = 80 }, new { stateMachineVersionArn = v2, weight = 20 } },
        }))["stateMachineAliasArn"]!.GetValue<string>();

        var onVersion = await sfn.StartAsync(v1, name: "on-version");
        Assert.Equal("\"one\"", (await sfn.FinishedAsync(onVersion)).Output);
        var described = await sfn.OkAsync("DescribeExecution", new { executionArn = onVersion });
        Assert.Equal(Machine, described["stateMachineArn"]!.GetValue<string>());
        Assert.Equal(v1, described["stateMachineVersionArn"]!.GetValue<string>());
        Assert.Null(described["stateMachineAliasArn"]);
        var forExecution = await sfn.OkAsync("DescribeStateMachineForExecution", new { executionArn = onVersion });
        Assert.Equal(V1, forExecution["definition"]!.GetValue<string>());
        Assert.Equal(Machine, forExecution["stateMachineArn"]!.GetValue<string>());

        var latest = await sfn.StartAsync(Machine, name: "latest");
        Assert.Equal("\"latest\"", (await sfn.FinishedAsync(latest)).Output);
        Assert.Null((await sfn.OkAsync("DescribeExecution", new { executionArn = latest }))["stateMachineVersionArn"]);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [v1] = 0, [v2] = 0 };
        for (var i = 0; i < 200; i++)
        {
            var execution = await sfn.StartAsync(alias, name: $"alias-{i}");
            var shown = await sfn.OkAsync("DescribeExecution", new { executionArn = execution });
            Assert.Equal(alias, shown["stateMachineAliasArn"]!.GetValue<string>());
            var version = shown["stateMachineVersionArn"]!.GetValue<string>();
            counts[version]++;
            Assert.Equal(version == v1 ? "\"one\"" : "\"two\"", (await sfn.FinishedAsync(execution)).Output);
        }
        // 80/20 over 200 draws: a seeded source keeps this exact; the bounds hold for any fair source all but ~1e-5 of the time.
        Assert.InRange(counts[v1], 130, 190);
        Assert.Equal(200, counts[v1] + counts[v2]);

        var byAlias = await sfn.OkAsync("ListExecutions", new { stateMachineArn = alias, maxResults = 1000 });
        Assert.Equal(200, byAlias["executions"]!.AsArray().Count);
        var byVersion = await sfn.OkAsync("ListExecutions", new { stateMachineArn = v1, maxResults = 1000 });
        Assert.Equal(counts[v1] + 1, byVersion["executions"]!.AsArray().Count);
        Assert.All(byVersion["executions"]!.AsArray(), e => Assert.Equal(v1, e!["stateMachineVersionArn"]!.GetValue<string>()));
        Assert.Equal(202, (await sfn.OkAsync("ListExecutions", new { stateMachineArn = Machine, maxResults = 1000 }))["executions"]!.AsArray().Count);

        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("StartExecution", new { stateMachineArn = Machine + ":9" })).Code);
        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("StartExecution", new { stateMachineArn = Machine + ":nope" })).Code);
    }

    [Fact]
    public async Task SeededRouting_IsRepeatable()
    {
        async Task<List<string>> Run()
        {
            await using var sfn = new SfnHarness();
            sfn.Service.AliasRouting = new Random(42);
            await sfn.CreateAsync(V1);
            var v1 = await PublishAsync(sfn);
            await UpdateAsync(sfn, V2);
            var v2 = await PublishAsync(sfn);
            var alias = (await sfn.OkAsync("CreateStateMachineAlias", new
            {
                name = "split",
                routingConfiguration = new[] { new { stateMachineVersionArn = v1, weight = 50 }, new { stateMachineVersionArn = v2, weight = 50 } },
            }))["stateMachineAliasArn"]!.GetValue<string>();
            var picked = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                var execution = await sfn.StartAsync(alias, name: $"e{i}");
                picked.Add((await sfn.OkAsync("DescribeExecution", new { executionArn = execution }))["stateMachineVersionArn"]!.GetValue<string>());
            }
            return picked;
        }

        var first = await Run();
        Assert.Equal(first, await Run());
        Assert.Equal(2, first.Distinct().Count());
    }

    [Fact]
    public async Task DeleteStateMachine_DeletesVersionsAndAliases_NumbersStartAgain()
    {
        await using var sfn = new SfnHarness();
        await sfn.CreateAsync(V1);
        var v1 = await PublishAsync(sfn);
        await sfn.OkAsync("CreateStateMachineAlias", new { name = "a", routingConfiguration = new[] { new { stateMachineVersionArn = v1, weight = 100 } } });
        await sfn.OkAsync("DeleteStateMachine", new { stateMachineArn = Machine });
        Assert.Empty((await sfn.OkAsync("ListStateMachineVersions", new { stateMachineArn = Machine }))["stateMachineVersions"]!.AsArray());
        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = Machine + ":a" })).Code);
        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("DescribeStateMachine", new { stateMachineArn = v1 })).Code);
    }

    [Fact]
    public async Task ArnsOfTheWrongKind_AreInvalidArn()
    {
        await using var sfn = new SfnHarness();
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DeleteStateMachineVersion", new { stateMachineVersionArn = Machine })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = Machine + ":1" })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DeleteStateMachineAlias", new { stateMachineAliasArn = "arn:aws:states:us-east-1:000000000000:stateMachine:sm:bad!" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("DeleteStateMachineVersion", new { })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("CreateStateMachineAlias", new { name = "a" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("UpdateStateMachineAlias", new { stateMachineAliasArn = Machine + ":a" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("CreateStateMachineAlias", """{"name":"a","routingConfiguration":[null]}""")).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("CreateStateMachineAlias", """{"name":"a","routingConfiguration":[{"stateMachineVersionArn":"x"}]}""")).Code);
    }

    [Fact]
    public async Task ExpressVersion_StartsAnExpressExecutionOfThatVersion()
    {
        await using var sfn = new SfnHarness();
        var created = await sfn.OkAsync("CreateStateMachine", new { name = "fast", definition = V1, roleArn = SfnHarness.Role, type = "EXPRESS", publish = true });
        var version = created["stateMachineVersionArn"]!.GetValue<string>();
        await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = created["stateMachineArn"]!.GetValue<string>(), definition = V2 });

        var started = await sfn.StartAsync(version);

        Assert.Contains(":express:fast:", started, StringComparison.Ordinal);
        Assert.Equal(V1, (await sfn.OkAsync("DescribeStateMachine", new { stateMachineArn = version }))["definition"]!.GetValue<string>());
        Assert.Equal("EXPRESS", (await sfn.OkAsync("DescribeStateMachine", new { stateMachineArn = version }))["type"]!.GetValue<string>());
    }
}
