using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Asl.Diagrams;
using Aws.Pricing;
using LocalCloud.Core.Usage;
using LocalCloud.Lambda;
using LocalCloud.Scheduler;
using static LocalCloud.WebConsole.Html;

namespace LocalCloud.WebConsole;

/// <summary>
/// The console's pages, rendered on the server from what the Step Functions API answers (decision 0010). The page's
/// script (Assets/console.js) marks the graph, draws the history table, follows the live stream and posts actions.
/// </summary>
internal static class ConsolePages
{
    public const string Prefix = "/_localcloud/console";

    private static readonly string[] Statuses = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];

    private static readonly string[] IndexMembers = ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"];

    public static string Layout(string title, bool canAct, string body, string? live = null)
        => $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · LocalCloud console</title><link rel="stylesheet" href="{Prefix}/assets/console.css"></head>
            <body data-can-act="{(canAct ? "true" : "false")}"{(live is null ? "" : $" data-live-source=\"{E(live)}\"")}>
            <header><nav aria-label="Console"><a href="{Prefix}">LocalCloud console</a></nav>
            <span class="mode">{(canAct ? "actions enabled" : "read-only")}</span></header>
            <main>{body}</main>
            <div id="status" role="status" aria-live="polite"></div>
            <script src="{Prefix}/assets/console.js"></script>
            </body></html>
            """;

    public static string Overview(JsonElement machines, IReadOnlyList<WaitingTask> waiting, DateTimeOffset now, bool canAct,
        IReadOnlyList<LambdaInvocationRecord> invocations, IReadOnlyList<UsageRecord> usage, IReadOnlyList<string> tables,
        IReadOnlyList<(ScheduleStatus Schedule, ScheduleFiring? Last)> schedules, IReadOnlyList<(JsonElement Activity, (int Pending, int Pollers)? Queue)>? activities = null)
    {
        // Live, like the sections below: a page opened before poc demo deploys shows its state machines once they run.
        var html = new StringBuilder("<h1>Step Functions</h1><section data-live-region=\"machines\"><h2>State machines</h2>");
        var list = machines.GetProperty("stateMachines").EnumerateArray().ToList();
        if (list.Count == 0)
        {
            html.Append("<p class=\"note\">No state machine yet.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Created</th></tr></thead><tbody>");
            foreach (var m in list)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Prefix}/state-machine?arn={U(Str(m, "stateMachineArn"))}\">{E(Str(m, "name"))}</a></td><td>{E(Str(m, "type"))}</td><td>{Time(m, "creationDate")}</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
        html.Append("<section data-live-region=\"waiting\"><h2>Waiting task tokens</h2>").Append(WaitingTable(waiting, now, canAct, showExecution: true)).Append("</section>");
        html.Append("<section data-live-region=\"activities\"><h2>Activities</h2>").Append(Activities(activities ?? [])).Append("</section>");
        html.Append("<h2>DynamoDB tables</h2>");
        html.Append(tables.Count == 0 ? "<p class=\"note\">No table yet.</p>" : "<ul class=\"tables\">" + string.Concat(tables.Select(t => $"<li><a href=\"{Prefix}/dynamodb/table?name={U(t)}\">{E(t)}</a></li>")) + "</ul>");
        html.Append("<section data-live-region=\"schedules\"><h2>Schedules</h2>").Append(Schedules(schedules)).Append("</section>");
        html.Append("<section data-live-region=\"lambda\"><h2>Lambda: recent invocations</h2>").Append(Invocations(invocations)).Append("</section>");
        html.Append("<section data-live-region=\"usage\"><h2>Usage meter</h2>").Append(Usage(usage)).Append("</section>");
        return html.ToString();
    }

    // The deadline moves with every SendTaskHeartbeat, which leaves no history event: it comes from the open task.
    private static string HeartbeatCell(WaitingTask w, DateTimeOffset now) => (w.HeartbeatSeconds, w.HeartbeatDeadline) switch
    {
        (null, _) => "none",
        ({ } h, { } due) => $"every {h} s; due at <time datetime=\"{due.UtcDateTime:O}\">{Time(due)}</time> (in {Duration(due - now)})",
        ({ } h, null) => $"every {h} s",
    };

    public static string WaitingTable(IReadOnlyList<WaitingTask> waiting, DateTimeOffset now, bool canAct, bool showExecution)
    {
        if (waiting.Count == 0)
        {
            return "<p class=\"note\" data-waiting-count=\"0\">No task waits for a callback.</p>";
        }
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<table class=\"waiting\" data-waiting-count=\"{waiting.Count}\"><thead><tr>");
        if (showExecution)
        {
            html.Append("<th scope=\"col\">Execution</th>");
        }
        html.Append("<th scope=\"col\">State</th><th scope=\"col\">Waiting</th><th scope=\"col\">Timeout</th><th scope=\"col\">Heartbeat</th><th scope=\"col\">Token</th>");
        if (canAct)
        {
            html.Append("<th scope=\"col\">Send</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var w in waiting)
        {
            var key = $"data-execution=\"{E(w.ExecutionArn)}\" data-event=\"{w.EventId}\"";
            html.Append(CultureInfo.InvariantCulture, $"<tr {key}>");
            if (showExecution)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td><a href=\"{Prefix}/execution?arn={U(w.ExecutionArn)}\">{E(w.ExecutionName)}</a></td>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<td>{E(w.State)}</td><td title=\"since {Time(w.Scheduled)}\">{Duration(now - w.Scheduled)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{(w.TimeoutSeconds is { } t ? $"at {Time(w.Scheduled.AddSeconds(t))}" : "none")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"heartbeat\">{HeartbeatCell(w, now)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><code class=\"token\">{E(w.MaskedToken)}</code> <button type=\"button\" class=\"link\" data-reveal {key}>reveal</button></td>");
            if (canAct)
            {
                var label = E(w.State ?? w.ExecutionName);
                html.Append(CultureInfo.InvariantCulture, $"""
                    <td class="send"><label>Output <textarea rows="2" data-field="output" aria-label="Output for {label}">{"{}"}</textarea></label>
                    <button type="button" data-action="task-success" {key}>Send success</button>
                    <label>Error <input data-field="error" value="ConsoleFailure" aria-label="Error for {label}"></label>
                    <label>Cause <input data-field="cause" value="" aria-label="Cause for {label}"></label>
                    <button type="button" data-action="task-failure" {key}>Send failure</button>
                    <button type="button" data-action="task-heartbeat" {key}>Send heartbeat</button></td>
                    """);
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    public static string StateMachine(JsonElement machine, JsonElement executions, string? status, string? next, bool canAct,
        IReadOnlyList<JsonElement>? versions = null, IReadOnlyList<JsonElement>? aliases = null)
    {
        var arn = Str(machine, "stateMachineArn");
        var definition = Str(machine, "definition");
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<h1>{E(Str(machine, "name"))}</h1><p class=\"meta\">{E(arn)} · {E(Str(machine, "type"))} · created {Time(machine, "creationDate")}</p>");
        html.Append("<div class=\"split\"><figure class=\"figure\">").Append(Graph(definition, [], Str(machine, "name"), interactive: false))
            .Append("<figcaption>Definition graph</figcaption></figure>")
            .Append(CultureInfo.InvariantCulture, $"<details open><summary>Definition (JSON)</summary><pre class=\"json\" tabindex=\"0\">{E(Pretty(definition))}</pre></details></div>");
        html.Append(VersionsAndAliases(versions ?? [], aliases ?? []));
        if (canAct)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <h2>Start an execution</h2>
                <form id="start" data-machine="{E(arn)}"><label>Name (optional) <input name="name" autocomplete="off"></label>
                <label>Input <textarea name="input" rows="4">{"{}"}</textarea></label>
                <button type="submit">Start execution</button></form>
                """);
        }
        html.Append("<section data-live-region=\"executions\"><h2>Executions</h2><nav class=\"filters\" aria-label=\"Status filter\">");
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Prefix}/state-machine?arn={U(arn)}\"{(status is null ? " aria-current=\"page\"" : "")}>All</a>");
        foreach (var s in Statuses)
        {
            html.Append(CultureInfo.InvariantCulture, $" <a href=\"{Prefix}/state-machine?arn={U(arn)}&amp;status={s}\"{(status == s ? " aria-current=\"page\"" : "")}>{s}</a>");
        }
        html.Append("</nav>");
        var rows = executions.GetProperty("executions").EnumerateArray().ToList();
        if (rows.Count == 0)
        {
            html.Append("<p class=\"note\">No execution.</p>");
        }
        else
        {
            html.Append("<table class=\"executions\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Status</th><th scope=\"col\">Started</th><th scope=\"col\">Stopped</th></tr></thead><tbody>");
            foreach (var e in rows)
            {
                var st = Str(e, "status");
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Prefix}/execution?arn={U(Str(e, "executionArn"))}\">{E(Str(e, "name"))}</a></td><td><span class=\"badge {st.ToLowerInvariant()}\">{st}</span></td><td>{Time(e, "startDate")}</td><td>{Time(e, "stopDate")}</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        if (executions.TryGetProperty("nextToken", out var token) && token.GetString() is { } nextToken)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a rel=\"next\" href=\"{Prefix}/state-machine?arn={U(arn)}{(status is null ? "" : $"&amp;status={U(status)}")}&amp;next={U(nextToken)}\">Next page</a></p>");
        }
        if (next is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Prefix}/state-machine?arn={U(arn)}{(status is null ? "" : $"&amp;status={U(status)}")}\">First page</a></p>");
        }
        return html.Append("</section>").ToString();
    }

    public static string Execution(JsonElement execution, string definition, List<JsonNode?> history, IReadOnlyList<WaitingTask> waiting, DateTimeOffset now, bool canAct,
        IReadOnlyList<MapRunChildren>? mapRuns = null)
    {
        var arn = Str(execution, "executionArn");
        var machineArn = Str(execution, "stateMachineArn");
        var status = Str(execution, "status");
        var path = history.Where(e => e?["type"]?.GetValue<string>().EndsWith("StateEntered", StringComparison.Ordinal) == true)
            .Select(e => e!["stateEnteredEventDetails"]?["name"]?.GetValue<string>() ?? "").ToList();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(Str(execution, "name"))}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(arn)} · <a href=\"{Prefix}/state-machine?arn={U(machineArn)}\">state machine</a></p>");
        html.Append("<section data-live-region=\"summary\" class=\"summary\">")
            .Append(CultureInfo.InvariantCulture, $"<p>Status <span class=\"badge {status.ToLowerInvariant()}\" id=\"execution-status\">{status}</span> · started {Time(execution, "startDate")} · stopped {Time(execution, "stopDate")}</p>");
        if (Str(execution, "error") is { Length: > 0 } error)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Error <code>{E(error)}</code>: {E(Str(execution, "cause"))}</p>");
        }
        if (canAct && status == "RUNNING")
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><button type=\"button\" data-action=\"stop\" data-execution=\"{E(arn)}\">Stop execution</button></p>");
        }
        // DescribeExecution says whether AWS would take a redrive; the button posts RedriveExecution, which decides.
        if (status is "FAILED" or "ABORTED" or "TIMED_OUT")
        {
            if (Str(execution, "redriveStatus") == "NOT_REDRIVABLE")
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Not redrivable: {E(Str(execution, "redriveStatusReason"))}</p>");
            }
            else if (canAct)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p><button type=\"button\" data-action=\"redrive\" data-execution=\"{E(arn)}\">Redrive execution</button></p>");
            }
        }
        if (execution.TryGetProperty("redriveCount", out var redrives) && redrives.ValueKind == JsonValueKind.Number && redrives.GetInt32() > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Redriven {redrives.GetInt32()} time{(redrives.GetInt32() == 1 ? "" : "s")}, last at {Time(execution, "redriveDate")}</p>");
        }
        html.Append("</section>");
        html.Append("<div class=\"split\"><figure class=\"figure\" id=\"graph\">").Append(Graph(definition, path, Str(execution, "name"), interactive: true))
            .Append("<figcaption>Path taken (orange), running (blue), failed (red), caught (dashed). Select a state for its input and output.</figcaption></figure>")
            .Append("<section id=\"state-detail\" aria-live=\"polite\"><h2>State</h2><p class=\"note\">Select a state in the graph.</p></section></div>");
        html.Append(Iterations(arn, definition, mapRuns));
        html.Append("<section data-live-region=\"waiting\"><h2>Waiting task tokens</h2>").Append(WaitingTable(waiting, now, canAct, showExecution: false)).Append("</section>");
        html.Append(CultureInfo.InvariantCulture, $"<details><summary>Input and output</summary><h3>Input</h3><pre class=\"json\" tabindex=\"0\">{E(Pretty(TokenMask.MaskText(Str(execution, "input"))))}</pre><h3>Output</h3><pre class=\"json\" tabindex=\"0\">{E(Pretty(TokenMask.MaskText(Str(execution, "output"))))}</pre></details>");
        html.Append("<h2>Event history</h2><table id=\"history\"><thead><tr><th scope=\"col\">ID</th><th scope=\"col\">Type</th><th scope=\"col\">Step</th><th scope=\"col\">Elapsed (ms)</th><th scope=\"col\">Timestamp</th><th scope=\"col\">Details</th></tr></thead><tbody></tbody></table>");
        html.Append(CultureInfo.InvariantCulture, $"<script type=\"application/json\" id=\"history-data\" data-execution=\"{E(arn)}\">{ScriptJson(history)}</script>");
        return html.ToString();
    }

    /// <summary>Published versions, newest first as ListStateMachineVersions lists them, and aliases with their routing.</summary>
    private static string VersionsAndAliases(IReadOnlyList<JsonElement> versions, IReadOnlyList<JsonElement> aliases)
    {
        var html = new StringBuilder("<section class=\"versions\"><h2>Versions and aliases</h2>");
        if (versions.Count == 0)
        {
            html.Append("<p class=\"note\">No version published (PublishStateMachineVersion, or CreateStateMachine with publish).</p>");
        }
        else
        {
            html.Append("<table class=\"versions\"><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Created</th><th scope=\"col\">ARN</th></tr></thead><tbody>");
            foreach (var v in versions)
            {
                var arn = Str(v, "stateMachineVersionArn");
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Prefix}/state-machine?arn={U(arn)}\">{E(arn[(arn.LastIndexOf(':') + 1)..])}</a></td><td>{Time(v, "creationDate")}</td><td><code>{E(arn)}</code></td></tr>");
            }
            html.Append("</tbody></table>");
        }
        if (aliases.Count > 0)
        {
            html.Append("<table class=\"aliases\"><thead><tr><th scope=\"col\">Alias</th><th scope=\"col\">Routing</th><th scope=\"col\">Description</th><th scope=\"col\">Updated</th></tr></thead><tbody>");
            foreach (var a in aliases)
            {
                var routing = a.TryGetProperty("routingConfiguration", out var r) && r.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", r.EnumerateArray().Select(x => $"version {E(Str(x, "stateMachineVersionArn")[(Str(x, "stateMachineVersionArn").LastIndexOf(':') + 1)..])}: {(x.TryGetProperty("weight", out var w) ? w.GetRawText() : "?")}%"))
                    : "";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Str(a, "name"))}</td><td>{routing}</td><td>{E(Str(a, "description"))}</td><td>{Time(a, "updateDate")}</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        return html.Append("</section>").ToString();
    }

    /// <summary>
    /// Each activity with the tasks scheduled on it that no worker has taken yet and the workers polling for one
    /// (GetActivityTask long polls): read in-process, as AWS has no API for either.
    /// </summary>
    private static string Activities(IReadOnlyList<(JsonElement Activity, (int Pending, int Pollers)? Queue)> activities)
    {
        if (activities.Count == 0)
        {
            return "<p class=\"note\">No activity.</p>";
        }
        var html = new StringBuilder("<table class=\"activities\"><thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Created</th><th scope=\"col\">Tasks waiting for a worker</th><th scope=\"col\">Workers polling</th></tr></thead><tbody>");
        foreach (var (a, queue) in activities)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td title=\"{E(Str(a, "activityArn"))}\">{E(Str(a, "name"))}</td><td>{Time(a, "creationDate")}</td><td class=\"num\">{queue?.Pending.ToString(CultureInfo.InvariantCulture) ?? "—"}</td><td class=\"num\">{queue?.Pollers.ToString(CultureInfo.InvariantCulture) ?? "—"}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>
    /// One section per Map and Parallel state of the definition (at any depth): the graph of its iteration processor
    /// or of each branch, and a list of its iterations or branches that the script fills from the history — each
    /// iteration's events chain from its MapIterationStarted, each branch's from its ParallelStateStarted, through
    /// previousEventId — so picking one marks its path and opens its states. A distributed Map runs its iterations as
    /// child executions: their list (ListExecutions of the Map Run) links to each one's own page.
    /// </summary>
    private static string Iterations(string executionArn, string definition, IReadOnlyList<MapRunChildren>? mapRuns)
    {
        var html = new StringBuilder();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(definition);
        }
        catch (JsonException)
        {
            return "";
        }
        foreach (var (name, state) in Nested(root))
        {
            var type = state["Type"]?.GetValue<string>();
            var id = "lanes-" + (uint)StringComparer.Ordinal.GetHashCode(name);
            if (type == "Map" && (state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor)
            {
                var distributed = processor["ProcessorConfig"]?["Mode"]?.GetValue<string>() == "DISTRIBUTED";
                html.Append(CultureInfo.InvariantCulture, $"<section class=\"lanes\" data-lanes=\"{E(name)}\" data-kind=\"map\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">Map {E(name)}: iterations</h2>");
                if (distributed)
                {
                    html.Append(MapRunTable(executionArn, name, mapRuns));
                }
                else
                {
                    html.Append(LanePicker(id, "Iteration")).Append(LaneGraph(processor, name + " iteration", 0));
                }
                html.Append("</section>");
            }
            else if (type == "Parallel" && state["Branches"] is JsonArray branches)
            {
                html.Append(CultureInfo.InvariantCulture, $"<section class=\"lanes\" data-lanes=\"{E(name)}\" data-kind=\"parallel\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">Parallel {E(name)}: branches</h2>");
                html.Append(LanePicker(id, "Branch"));
                for (var i = 0; i < branches.Count; i++)
                {
                    if (branches[i] is JsonObject branch)
                    {
                        html.Append(LaneGraph(branch, $"{name} branch {i + 1}", i));
                    }
                }
                html.Append("</section>");
            }
        }
        return html.ToString();
    }

    /// <summary>
    /// What a child execution of a distributed Map runs: the Map's ItemProcessor. Its state machine is named
    /// {machine}/{Map label or name} and DescribeStateMachineForExecution answers the whole definition, so the Map is
    /// found by that name; any other execution runs the definition itself.
    /// </summary>
    public static string ProcessorOf(JsonElement execution, string definition)
    {
        var machine = Str(execution, "stateMachineArn");
        var slash = machine.LastIndexOf('/');
        if (Str(execution, "mapRunArn").Length == 0 || slash < 0)
        {
            return definition;
        }
        var label = machine[(slash + 1)..];
        try
        {
            return Nested(JsonNode.Parse(definition))
                .Where(s => s.State["Type"]?.GetValue<string>() == "Map" && (s.State["Label"]?.GetValue<string>() ?? s.Name) == label)
                .Select(s => (s.State["ItemProcessor"] ?? s.State["Iterator"])?.ToJsonString())
                .FirstOrDefault(p => p is not null) ?? definition;
        }
        catch (JsonException)
        {
            return definition;
        }
    }

    /// <summary>Every state of the definition with its name, nested ones (in branches and processors) included.</summary>
    private static IEnumerable<(string Name, JsonObject State)> Nested(JsonNode? graph)
    {
        if (graph?["States"] is not JsonObject states)
        {
            yield break;
        }
        foreach (var (name, node) in states)
        {
            if (node is not JsonObject state)
            {
                continue;
            }
            yield return (name, state);
            var inner = state["Branches"] is JsonArray branches ? branches.Select(b => b)
                : (state["ItemProcessor"] ?? state["Iterator"]) is { } processor ? [processor] : [];
            foreach (var child in inner.SelectMany(Nested))
            {
                yield return child;
            }
        }
    }

    private static string LanePicker(string id, string what)
        => $"""
            <p><label>{what} <select data-lane-picker aria-describedby="{id}"><option value="">none run yet</option></select></label> <span class="note" data-lane-summary></span></p>
            """;

    private static string LaneGraph(JsonObject graph, string label, int branch)
        => $"""
            <div class="split" data-lane-graph="{branch}" data-start="{E(graph["StartAt"]?.GetValue<string>())}"><figure class="figure">{Graph(graph.ToJsonString(), [], label, interactive: true)}<figcaption>{E(label)}</figcaption></figure>
            <section class="lane-detail" aria-live="polite"><h3>State</h3><p class="note">Pick one above, then select a state.</p></section></div>
            """;

    /// <summary>DescribeMapRun's itemCounts members a Map Run's line names, when not zero.</summary>
    private static readonly string[] ItemCountNames = ["running", "succeeded", "failed", "timedOut", "aborted", "pending"];

    private static string MapRunTable(string executionArn, string state, IReadOnlyList<MapRunChildren>? mapRuns)
    {
        var runs = mapRuns?.Where(r => r.State == state).ToList() ?? [];
        if (runs.Count == 0)
        {
            return "<p class=\"note\">No Map Run yet.</p>";
        }
        var html = new StringBuilder();
        foreach (var run in runs)
        {
            var counts = string.Join(", ", ItemCountNames
                .Select(k => (Name: k, N: run.ItemCounts.TryGetProperty(k, out var n) && n.TryGetInt64(out var v) ? v : 0)).Where(c => c.N > 0).Select(c => $"{c.N} {c.Name}"));
            var total = run.ItemCounts.TryGetProperty("total", out var t) && t.TryGetInt64(out var tv) ? tv : run.From + run.Children.Count;
            var shown = run.Children.Count == 0 ? "none on this page" : $"{run.From + 1}–{run.From + run.Children.Count} shown";
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\" data-map-run=\"{E(run.MapRunArn)}\">Map Run {E(run.MapRunArn)}: {total} child execution{(total == 1 ? "" : "s")}{(counts.Length > 0 ? $" ({counts})" : "")}, {shown}</p>");
            html.Append("<table class=\"map-run\"><thead><tr><th scope=\"col\">Child execution</th><th scope=\"col\">Status</th><th scope=\"col\">Started</th><th scope=\"col\">Stopped</th></tr></thead><tbody>");
            foreach (var e in run.Children)
            {
                var st = Str(e, "status");
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Prefix}/execution?arn={U(Str(e, "executionArn"))}\">{E(Str(e, "name"))}</a></td><td><span class=\"badge {st.ToLowerInvariant()}\">{st}</span></td><td>{Time(e, "startDate")}</td><td>{Time(e, "stopDate")}</td></tr>");
            }
            html.Append("</tbody></table>");
            // ListExecutions' own paging: its nextToken, for this Map Run only; the offset rides along for the "101–200" above.
            var here = $"{Prefix}/execution?arn={U(executionArn)}";
            if (run.NextToken is { } next)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p><a rel=\"next\" href=\"{here}&amp;mapRun={U(run.MapRunArn)}&amp;children={U(next)}&amp;from={run.From + run.Children.Count}\">Next {ConsoleEndpoints.MapRunPageSize} child executions</a></p>");
            }
            if (run.From > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{here}\">First {ConsoleEndpoints.MapRunPageSize} child executions</a></p>");
            }
        }
        return html.ToString();
    }

    /// <summary>A table: its keys and indexes, a query by partition key on the table or an index, or a scan, 50 items a page.</summary>
    public static string Table(JsonElement description, string? index, string? key, JsonElement items, string? start, SortCondition? sort = null)
    {
        var queryText = (index is null ? "" : $"&amp;index={U(index)}") + (key is null ? "" : $"&amp;key={U(key)}") + (sort?.QueryString() ?? "");
        var table = description.GetProperty("Table");
        var name = Str(table, "TableName");
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<h1>{E(name)}</h1><p class=\"meta\">{E(Str(table, "TableArn"))} · {Number(table, "ItemCount")} items · keys {E(KeyText(table))}</p>");
        var indexes = Indexes(table).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<form class=\"query\" method=\"get\" action=\"{Prefix}/dynamodb/table\"><input type=\"hidden\" name=\"name\" value=\"{E(name)}\">");
        html.Append("<label>Query <select name=\"index\"><option value=\"\">the table</option>");
        foreach (var i in indexes)
        {
            var indexName = Str(i, "IndexName");
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(indexName)}\"{(indexName == index ? " selected" : "")}>{E(indexName)} ({E(KeyText(i))})</option>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</select></label><label>Partition key value <input name=\"key\" value=\"{E(key)}\" autocomplete=\"off\"></label>");
        html.Append("<label>Sort key <select name=\"op\"><option value=\"\">any</option>");
        foreach (var op in SortCondition.Operators)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(op)}\"{(op == sort?.Operator ? " selected" : "")}>{E(op)}</option>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</select></label><label>Sort key value <input name=\"sk\" value=\"{E(sort?.Value)}\" autocomplete=\"off\"></label>");
        html.Append(CultureInfo.InvariantCulture, $"<label>and (between) <input name=\"sk2\" value=\"{E(sort?.Upper)}\" autocomplete=\"off\"></label>");
        html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">Query</button> <a href=\"{Prefix}/dynamodb/table?name={U(name)}\">Scan all</a></form>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{(key is null ? "Scan" : $"Query {E(index ?? "the table")} = {E(key)}{(sort is null ? "" : " and sort key " + E(sort.Describe()))}")}</h2>");
        var rows = items.GetProperty("Items").EnumerateArray().ToList();
        var keyNames = table.GetProperty("KeySchema").EnumerateArray().Select(k => Str(k, "AttributeName")).ToList();
        if (rows.Count == 0)
        {
            html.Append("<p class=\"note\">No item.</p>");
        }
        else
        {
            html.Append("<table class=\"items\"><thead><tr>");
            foreach (var k in keyNames)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(k)}</th>");
            }
            html.Append("<th scope=\"col\">Item</th></tr></thead><tbody>");
            foreach (var item in rows)
            {
                var plain = DynamoDbApi.Plain(item) as JsonObject;
                html.Append("<tr>");
                foreach (var k in keyNames)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{E(TokenMask.MaskText(plain?[k]?.ToString()))}</td>");
                }
                html.Append(CultureInfo.InvariantCulture, $"<td><details><summary>{plain?.Count ?? 0} attributes</summary><pre class=\"json\" tabindex=\"0\">{E(TokenMask.MaskText(plain?.ToJsonString(PrettyJson)))}</pre></details></td></tr>");
            }
            html.Append("</tbody></table>");
        }
        if (items.TryGetProperty("LastEvaluatedKey", out var last))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a rel=\"next\" href=\"{Prefix}/dynamodb/table?name={U(name)}{queryText}&amp;start={DynamoDbApi.EncodeKey(last)}\">Next page</a></p>");
        }
        if (start is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Prefix}/dynamodb/table?name={U(name)}{queryText}\">First page</a></p>");
        }
        return html.ToString();
    }

    /// <summary>The table's global and local secondary indexes, as DescribeTable lists them.</summary>
    public static IEnumerable<JsonElement> Indexes(JsonElement table)
        => IndexMembers
            .Where(m => table.TryGetProperty(m, out var v) && v.ValueKind == JsonValueKind.Array)
            .SelectMany(m => table.GetProperty(m).EnumerateArray());

    private static string KeyText(JsonElement withKeySchema)
        => string.Join(", ", withKeySchema.GetProperty("KeySchema").EnumerateArray().Select(k => $"{Str(k, "AttributeName")} ({Str(k, "KeyType")})"));

    private static string Number(JsonElement parent, string member)
        => parent.TryGetProperty(member, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "?";

    private static readonly JsonSerializerOptions PrettyJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Graph(string definition, IReadOnlyList<string> path, string label, bool interactive)
    {
        try
        {
            return StateMachineSvg.Render(AslGraph.Parse(definition), path, label, interactive);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"<p class=\"note\">The definition could not be drawn: {E(e.Message)}</p>";
        }
    }

    private static string Schedules(IReadOnlyList<(ScheduleStatus Schedule, ScheduleFiring? Last)> schedules)
    {
        if (schedules.Count == 0)
        {
            return "<p class=\"note\">No schedule.</p>";
        }
        var html = new StringBuilder("<table class=\"schedules\"><thead><tr><th scope=\"col\">Schedule</th><th scope=\"col\">Expression</th><th scope=\"col\">State</th><th scope=\"col\">Target</th><th scope=\"col\">Next firing</th><th scope=\"col\">Last firing</th></tr></thead><tbody>");
        foreach (var (s, last) in schedules)
        {
            var outcome = last is null ? "—" : $"{Time(last.FiredAt)}: {last.Outcome}{(last.Error is { } error ? $" ({error})" : "")}";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.GroupName)}/{E(s.Name)}</td><td><code>{E(s.ScheduleExpression)}</code></td><td>{E(s.State)}</td><td>{E(s.TargetArn)}</td><td>{Time(s.NextFiring)}</td><td>{E(outcome)}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string Invocations(IReadOnlyList<LambdaInvocationRecord> invocations)
    {
        if (invocations.Count == 0)
        {
            return "<p class=\"note\">No invocation yet.</p>";
        }
        var html = new StringBuilder("<table><thead><tr><th scope=\"col\">Function</th><th scope=\"col\">Type</th><th scope=\"col\">Start</th><th scope=\"col\">Duration (ms)</th><th scope=\"col\">Start-up</th><th scope=\"col\">Error</th><th scope=\"col\">Log</th></tr></thead><tbody>");
        foreach (var r in invocations)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-request-id=\"{E(r.RequestId)}\"><td>{E(r.FunctionName)}</td><td>{E(r.InvocationType)}</td><td>{Time(r.Start)}</td><td class=\"num\">{r.Duration.TotalMilliseconds:0.0}</td><td>{(r.InitDuration is { } init ? $"cold ({init.TotalMilliseconds:0} ms)" : "warm")}</td><td>{E(r.ErrorType)}</td>");
            // Task tokens travel in payloads a function may print: masked here as everywhere else on the console.
            html.Append(CultureInfo.InvariantCulture, $"<td><details class=\"log\"><summary>{r.Log.Count(c => c == '\n')} lines</summary><pre tabindex=\"0\">{E(TokenMask.MaskText(r.Log))}</pre></details></td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>
    /// The meter's billing units and what they would cost at AWS's us-east-1 list prices (the table poc's cost model
    /// uses, src/Aws.Pricing), before any free tier: what this much work costs, not what an account is billed.
    /// </summary>
    private static string Usage(IReadOnlyList<UsageRecord> usage)
    {
        if (usage.Count == 0)
        {
            return "<p class=\"note\">Nothing counted yet.</p>";
        }
        var prices = PriceTable.UsEast1;
        var html = new StringBuilder("<table class=\"usage\"><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Metric</th><th scope=\"col\">Resource</th><th scope=\"col\">Amount</th><th scope=\"col\">List price</th><th scope=\"col\">Cost (USD)</th></tr></thead><tbody>");
        var total = 0.0;
        foreach (var r in usage.OrderBy(r => r.Service, StringComparer.Ordinal).ThenBy(r => r.Metric, StringComparer.Ordinal).ThenBy(r => r.Resource, StringComparer.Ordinal))
        {
            var price = prices.ForMeter(r.Service, r.Metric);
            var cost = price?.Cost(r.Amount, freeTier: false);
            total += cost ?? 0;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Service)}</td><td>{E(r.Metric)}</td><td>{E(r.Resource)}</td><td class=\"num\">{r.Amount.ToString(CultureInfo.InvariantCulture)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{(price is null ? "not in the table" : $"<a href=\"{E(SourceUrl(price))}\" title=\"{E(price.Source)}\">${price.Usd.ToString(CultureInfo.InvariantCulture)} per {price.Per.ToString("#,0", CultureInfo.InvariantCulture)}</a>")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(cost is { } c ? Usd(c) : "—")}</td></tr>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</tbody><tfoot><tr><th scope=\"row\" colspan=\"5\">Total at list price</th><td class=\"num\" data-total-usd=\"{total.ToString("R", CultureInfo.InvariantCulture)}\">{Usd(total)}</td></tr></tfoot></table>");
        return html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">AWS list prices for {E(prices.Region)} checked {E(prices.Checked)} (the table poc's cost report uses), without the free tier; other regions and tiers differ.</p>").ToString();
    }

    /// <summary>Dollars with enough digits that a few requests do not show as zero.</summary>
    private static string Usd(double usd) => usd == 0 ? "0" : usd.ToString(usd < 0.01 ? "0.0##########" : "0.0000", CultureInfo.InvariantCulture);

    /// <summary>The pricing page a price was read from: its source starts with the address.</summary>
    private static string SourceUrl(Price price) => price.Source.Split(' ', 2)[0];
}

/// <summary>The child executions of one Map Run (ListExecutions with its mapRunArn), for the Map state that started it.</summary>
/// <param name="State">The Map state that started the run.</param>
/// <param name="MapRunArn">The run.</param>
/// <param name="Children">This page of its child executions, as ListExecutions answered.</param>
/// <param name="NextToken">ListExecutions' token for the next page, when there is one.</param>
/// <param name="From">How many children earlier pages listed (0 on the first).</param>
/// <param name="ItemCounts">DescribeMapRun's itemCounts: how many items there are and how they stand.</param>
internal sealed record MapRunChildren(string State, string MapRunArn, IReadOnlyList<JsonElement> Children, string? NextToken, int From, JsonElement ItemCounts);

/// <summary>Which page of one Map Run's child executions an execution page shows (?mapRun=, ?children= the token, ?from=).</summary>
internal sealed record ChildrenPage(string MapRunArn, string Token, int From)
{
    public static ChildrenPage? Parse(Microsoft.AspNetCore.Http.IQueryCollection query)
        => query["mapRun"].ToString() is { Length: > 0 } mapRun && query["children"].ToString() is { Length: > 0 } token
            ? new ChildrenPage(mapRun, token, int.TryParse(query["from"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var from) ? from : 0)
            : null;
}
