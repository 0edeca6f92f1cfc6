using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb;
using LocalCloud.Lambda;
using LocalCloud.Scheduler;
using LocalCloud.StepFunctions;
using LocalCloud.StepFunctions.Engine;
using Microsoft.AspNetCore.Http;

namespace LocalCloud.WebConsole;

/// <summary>
/// The web console at /_localcloud/console: pages, their live stream (server-sent events), the actions they post and
/// the embedded script and stylesheet. Reads and actions go through the services' own APIs (<see cref="StatesApi"/>);
/// only what AWS has no API for is read in-process: appended history events, open tokens, Lambda invocations, usage.
/// </summary>
internal sealed class ConsoleEndpoints : IDisposable
{
    public const string Prefix = ConsolePages.Prefix;

    private const int PageSize = 50;

    /// <summary>Child executions of a distributed Map listed at once; the rest are a "Next" link away.</summary>
    internal const int MapRunPageSize = 100;

    private readonly StatesApi? _states;
    private readonly LiveFeed? _feed;
    private readonly LambdaService? _lambda;
    private readonly DynamoDbApi? _dynamodb;
    private readonly SchedulerService? _scheduler;
    private readonly UsageMeter _usage;
    private readonly ConsoleAccess _access;
    private readonly TimeProvider _time;

    public ConsoleEndpoints(IReadOnlyList<IServiceEndpoint> services, UsageMeter usage, LocalCloudOptions options)
    {
        var states = services.OfType<StepFunctionsService>().FirstOrDefault();
        _states = states is null ? null : new StatesApi(states);
        _feed = states is null ? null : new LiveFeed(states.Executions);
        _lambda = services.OfType<LambdaService>().FirstOrDefault();
        _scheduler = services.OfType<SchedulerService>().FirstOrDefault();
        _dynamodb = services.OfType<DynamoDbService>().FirstOrDefault() is { } dynamodb ? new DynamoDbApi(dynamodb) : null;
        _usage = usage;
        _access = new ConsoleAccess(options);
        _time = options.Time;
    }

    public static bool Owns(string path) => path == Prefix || path.StartsWith(Prefix + "/", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? Prefix;
        http.Response.Headers.CacheControl = "no-store";
        // The page's own script and stylesheet only: nothing inline runs, nothing is fetched from elsewhere.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (path.StartsWith(Prefix + "/assets/", StringComparison.Ordinal))
        {
            await AssetAsync(http, path[(Prefix.Length + "/assets/".Length)..]).ConfigureAwait(false);
            return;
        }
        if (_access.Authenticate(request) is not { } account)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"LocalCloud console\", charset=\"UTF-8\"";
            await WriteTextAsync(http, "text/plain; charset=utf-8", "LocalCloud runs with --require-auth: sign in with an access key (user name) and its secret (password) from --credentials.").ConfigureAwait(false);
            return;
        }
        if (_states is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await WriteTextAsync(http, "text/plain; charset=utf-8", "This LocalCloud runs without Step Functions.").ConfigureAwait(false);
            return;
        }
        try
        {
            if (HttpMethods.IsPost(request.Method) && path.StartsWith(Prefix + "/api/", StringComparison.Ordinal))
            {
                await ActAsync(http, path[(Prefix.Length + "/api/".Length)..], account).ConfigureAwait(false);
                return;
            }
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }
            var arn = request.Query["arn"].ToString();
            switch (path)
            {
                case Prefix or Prefix + "/":
                    await PageAsync(http, "Overview", await OverviewAsync(account, request.Query["region"].ToString(), http.RequestAborted).ConfigureAwait(false), $"{Prefix}/events").ConfigureAwait(false);
                    return;
                case Prefix + "/state-machine":
                    await PageAsync(http, "State machine", await StateMachineAsync(arn, request.Query["status"].ToString(), request.Query["next"].ToString(), account, http.RequestAborted).ConfigureAwait(false), $"{Prefix}/events?machine={Html.U(arn)}").ConfigureAwait(false);
                    return;
                case Prefix + "/execution":
                    await PageAsync(http, "Execution", await ExecutionAsync(arn, ChildrenPage.Parse(request.Query), account, http.RequestAborted).ConfigureAwait(false), $"{Prefix}/events?execution={Html.U(arn)}").ConfigureAwait(false);
                    return;
                case Prefix + "/dynamodb/table":
                    await PageAsync(http, "DynamoDB table", await TableAsync(request.Query, account, http.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
                    return;
                case Prefix + "/events":
                    await StreamAsync(http, account).ConfigureAwait(false);
                    return;
                case Prefix + "/api/token":
                    await RevealAsync(http, account).ConfigureAwait(false);
                    return;
                default:
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    await PageAsync(http, "Not found", $"<h1>Not found</h1><p>No console page at {Html.E(path)}.</p>").ConfigureAwait(false);
                    return;
            }
        }
        catch (ConsoleApiException e) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await PageAsync(http, e.Code, $"<h1>{Html.E(e.Code)}</h1><p>{Html.E(e.Message)}</p>").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The browser went away.
        }
#pragma warning disable CA1031 // The boundary, as in HttpBridge: a bug in a page must answer with what happened, not drop the connection.
        catch (Exception e) when (!http.Response.HasStarted)
#pragma warning restore CA1031
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await PageAsync(http, "InternalFailure", $"<h1>InternalFailure</h1><p>The console failed to render this page: {Html.E(e.GetType().Name)}: {Html.E(e.Message)}</p>").ConfigureAwait(false);
        }
    }

    public void Dispose() => _feed?.Dispose();

    private async Task<string> OverviewAsync(string account, string region, CancellationToken ct)
    {
        var context = Context(account, region.Length > 0 ? region : RequestContext.DefaultRegion);
        var machines = await _states!.CallAsync("ListStateMachines", new { maxResults = 1000 }, context, ct).ConfigureAwait(false);
        var waiting = WaitingTasks.Find(_states.Service, _states.Service.Executions.All.Where(e => Visible(e, account)));
        var tables = _dynamodb is null ? [] : (await _dynamodb.CallAsync("ListTables", new { Limit = 100 }, context, ct).ConfigureAwait(false))
            .GetProperty("TableNames").EnumerateArray().Select(t => t.GetString() ?? "").ToList();
        var activities = (await _states.CallAsync("ListActivities", new { maxResults = 1000 }, context, ct).ConfigureAwait(false)).GetProperty("activities").EnumerateArray()
            .Select(a => (Activity: a, Queue: _states.Service.ActivityQueue(Html.Str(a, "activityArn")))).ToList();
        return ConsolePages.Overview(machines, waiting, _time.GetUtcNow(), _access.CanAct, _lambda?.RecentInvocations(20) ?? [], _usage.Snapshot(), tables, Schedules(account), activities);
    }

    /// <summary>
    /// Each schedule with its next firing and the outcome of its last one. The Scheduler API has neither, so they are
    /// read from the service's in-process views for tools; nothing here changes a schedule.
    /// </summary>
    private List<(ScheduleStatus Schedule, ScheduleFiring? Last)> Schedules(string account)
    {
        if (_scheduler is null)
        {
            return [];
        }
        var last = new Dictionary<string, ScheduleFiring>(StringComparer.Ordinal);
        foreach (var firing in _scheduler.RecentFirings)
        {
            last[firing.ScheduleArn] = firing;
        }
        return [.. _scheduler.Schedules()
            .Where(s => !_access.RequiresCredentials || s.Arn.Split(':') is { Length: > 4 } parts && parts[4] == account)
            .OrderBy(s => s.GroupName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s, last.GetValueOrDefault(s.Arn)))];
    }

    /// <summary>
    /// A table page: Query on the table or an index by partition key (and optionally a sort key condition) when one is
    /// given, else Scan; 50 items a page.
    /// </summary>
    private async Task<string> TableAsync(IQueryCollection query, string account, CancellationToken ct)
    {
        if (_dynamodb is null)
        {
            throw new ConsoleApiException("ResourceNotFoundException", "This LocalCloud runs without DynamoDB.");
        }
        var name = query["name"].ToString();
        var index = query["index"].ToString() is { Length: > 0 } i ? i : null;
        var key = query["key"].ToString() is { Length: > 0 } k ? k : null;
        var sort = key is null ? null : SortCondition.From(query["op"].ToString(), query["sk"].ToString(), query["sk2"].ToString());
        var startText = query["start"].ToString();
        var start = DynamoDbApi.DecodeKey(startText);
        var context = Context(account, query["region"].ToString() is { Length: > 0 } r ? r : RequestContext.DefaultRegion);
        var description = await _dynamodb.CallAsync("DescribeTable", new { TableName = name }, context, ct).ConfigureAwait(false);
        JsonElement items;
        if (key is null)
        {
            items = await _dynamodb.CallAsync("Scan", new { TableName = name, Limit = PageSize, ExclusiveStartKey = start }, context, ct).ConfigureAwait(false);
        }
        else
        {
            var table = description.GetProperty("Table");
            var schema = index is null ? table : ConsolePages.Indexes(table).FirstOrDefault(x => Html.Str(x, "IndexName") == index);
            if (schema.ValueKind != JsonValueKind.Object)
            {
                throw new ConsoleApiException("ValidationException", $"The table has no index named {index}.");
            }
            var partition = schema.GetProperty("KeySchema").EnumerateArray().First(x => Html.Str(x, "KeyType") == "HASH").GetProperty("AttributeName").GetString()!;
            string TypeOf(string attribute) => table.GetProperty("AttributeDefinitions").EnumerateArray().FirstOrDefault(a => Html.Str(a, "AttributeName") == attribute) is { ValueKind: JsonValueKind.Object } definition
                ? Html.Str(definition, "AttributeType") : "S";
            var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["#k"] = partition };
            var values = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal) { [":v"] = new(StringComparer.Ordinal) { [TypeOf(partition)] = key } };
            var condition = "#k = :v";
            if (sort is not null)
            {
                var sortKey = schema.GetProperty("KeySchema").EnumerateArray().FirstOrDefault(x => Html.Str(x, "KeyType") == "RANGE") is { ValueKind: JsonValueKind.Object } range
                    ? range.GetProperty("AttributeName").GetString()!
                    : throw new ConsoleApiException("ValidationException", $"{(index is null ? "The table" : $"The index {index}")} has no sort key to compare.");
                names["#s"] = sortKey;
                condition += " AND " + sort.Expression("#s");
                foreach (var (placeholder, value) in sort.Values())
                {
                    values[placeholder] = new(StringComparer.Ordinal) { [TypeOf(sortKey)] = value };
                }
            }
            items = await _dynamodb.CallAsync("Query", new
            {
                TableName = name,
                IndexName = index,
                KeyConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                Limit = PageSize,
                ExclusiveStartKey = start,
            }, context, ct).ConfigureAwait(false);
        }
        return ConsolePages.Table(description, index, key, items, startText.Length > 0 ? startText : null, sort);
    }

    private async Task<string> StateMachineAsync(string arn, string status, string next, string account, CancellationToken ct)
    {
        var context = Context(account, RegionOf(arn));
        var machine = await _states!.CallAsync("DescribeStateMachine", new { stateMachineArn = arn }, context, ct).ConfigureAwait(false);
        var executions = await _states.CallAsync("ListExecutions", new
        {
            stateMachineArn = arn,
            maxResults = PageSize,
            statusFilter = status.Length > 0 ? status : null,
            nextToken = next.Length > 0 ? next : null,
        }, context, ct).ConfigureAwait(false);
        if (arn.Split(':').Length != 7)
        {
            // A version's (or alias's) page: its definition and executions; the versions list belongs to the machine.
            return ConsolePages.StateMachine(machine, executions, status.Length > 0 ? status : null, next.Length > 0 ? next : null, _access.CanAct);
        }
        // Versions and aliases as ListStateMachineVersions and ListStateMachineAliases answer, each alias with its routing.
        var versions = await _states.CallAsync("ListStateMachineVersions", new { stateMachineArn = arn, maxResults = 1000 }, context, ct).ConfigureAwait(false);
        var aliases = new List<JsonElement>();
        foreach (var alias in (await _states.CallAsync("ListStateMachineAliases", new { stateMachineArn = arn, maxResults = 100 }, context, ct).ConfigureAwait(false))
            .GetProperty("stateMachineAliases").EnumerateArray())
        {
            aliases.Add(await _states.CallAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = Html.Str(alias, "stateMachineAliasArn") }, context, ct).ConfigureAwait(false));
        }
        return ConsolePages.StateMachine(machine, executions, status.Length > 0 ? status : null, next.Length > 0 ? next : null, _access.CanAct,
            [.. versions.GetProperty("stateMachineVersions").EnumerateArray()], aliases);
    }

    private async Task<string> ExecutionAsync(string arn, ChildrenPage? childrenPage, string account, CancellationToken ct)
    {
        var context = Context(account, RegionOf(arn));
        var execution = await _states!.CallAsync("DescribeExecution", new { executionArn = arn }, context, ct).ConfigureAwait(false);
        var machine = await _states.CallAsync("DescribeStateMachineForExecution", new { executionArn = arn }, context, ct).ConfigureAwait(false);
        var history = (await _states.HistoryAsync(arn, context, ct).ConfigureAwait(false)).Select(TokenMask.MaskJson).ToList();
        var waiting = _states.Service.Executions.Find(arn) is { } running ? WaitingTasks.Of(_states.Service, running.Snapshot()).ToList() : [];
        var mapRuns = new List<MapRunChildren>();
        // A distributed Map's iterations are child executions: MapRunStarted names the Map Run, ListExecutions lists them.
        foreach (var started in history.Where(e => e?["type"]?.GetValue<string>() == "MapRunStarted"))
        {
            var mapRunArn = started?["mapRunStartedEventDetails"]?["mapRunArn"]?.GetValue<string>();
            if (mapRunArn is null)
            {
                continue;
            }
            // The page asked for is ListExecutions' own paging (its nextToken), for the one Map Run it names; others start at their first.
            var page = childrenPage is { } asked && asked.MapRunArn == mapRunArn ? asked : null;
            var children = await _states.CallAsync("ListExecutions", new { mapRunArn, maxResults = MapRunPageSize, nextToken = page?.Token }, context, ct).ConfigureAwait(false);
            var counts = (await _states.CallAsync("DescribeMapRun", new { mapRunArn }, context, ct).ConfigureAwait(false)).GetProperty("itemCounts");
            var state = history.LastOrDefault(e => e?["id"]?.GetValue<long>() < started?["id"]?.GetValue<long>() && e?["type"]?.GetValue<string>() == "MapStateEntered")?["stateEnteredEventDetails"]?["name"]?.GetValue<string>() ?? "";
            mapRuns.Add(new MapRunChildren(state, mapRunArn, [.. children.GetProperty("executions").EnumerateArray()],
                children.TryGetProperty("nextToken", out var next) ? next.GetString() : null, page?.From ?? 0, counts));
        }
        return ConsolePages.Execution(execution, ConsolePages.ProcessorOf(execution, Html.Str(machine, "definition")), history, waiting, _time.GetUtcNow(), _access.CanAct, mapRuns);
    }

    /// <summary>
    /// Server-sent events. For one execution: every history event after ?after= (the page's last), read through
    /// GetExecutionHistory once subscribed and then as appended, so none is lost or doubled in between. Otherwise a
    /// notice per execution event (of ?machine= when given) that tells list pages to refresh.
    /// </summary>
    private async Task StreamAsync(HttpContext http, string account)
    {
        var executionArn = http.Request.Query["execution"].ToString();
        var machineArn = http.Request.Query["machine"].ToString();
        long.TryParse(http.Request.Query["after"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var after);
        using var subscription = _feed!.Subscribe(executionArn.Length > 0
            ? e => e.ExecutionArn == executionArn
            : e => machineArn.Length == 0 || e.StateMachineArn == machineArn);
        http.Response.ContentType = "text/event-stream";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        var ct = http.RequestAborted;
        try
        {
            await http.Response.WriteAsync("retry: 1000\n\n", ct).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            if (executionArn.Length > 0)
            {
                foreach (var e in await _states!.HistoryAsync(executionArn, Context(account, RegionOf(executionArn)), ct).ConfigureAwait(false))
                {
                    var id = e.GetProperty("id").GetInt64();
                    if (id > after)
                    {
                        await SendAsync(http, "history", TokenMask.MaskJson(e)!.ToJsonString(), ct).ConfigureAwait(false);
                        after = id;
                    }
                }
            }
            await foreach (var live in subscription.Events.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (executionArn.Length > 0)
                {
                    if (live.Event.Id > after)
                    {
                        await SendAsync(http, "history", TokenMask.Walk(ToWire(live.Event))!.ToJsonString(), ct).ConfigureAwait(false);
                        after = live.Event.Id;
                    }
                }
                else if (live.Event.Type.StartsWith("Execution", StringComparison.Ordinal) || live.Event.Type.StartsWith("Task", StringComparison.Ordinal))
                {
                    // List pages change when an execution starts or ends or a task starts or stops waiting; not on every state.
                    await SendAsync(http, "change", JsonSerializer.Serialize(new { executionArn = live.ExecutionArn, stateMachineArn = live.StateMachineArn, type = live.Event.Type }), ct).ConfigureAwait(false);
                }
            }
            if (subscription.Overflowed)
            {
                await SendAsync(http, "reload", "{}", ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (ConsoleApiException e)
        {
            await SendAsync(http, "failure", JsonSerializer.Serialize(new { code = e.Code, message = e.Message }), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(HttpContext http, string name, string json, CancellationToken ct)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {json}\n\n", ct).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The history event as GetExecutionHistory shows it (epoch seconds, details under their member).</summary>
    private static JsonObject ToWire(HistoryEvent e)
    {
        var wire = new JsonObject
        {
            ["timestamp"] = e.Timestamp.ToUnixTimeMilliseconds() / 1000m,
            ["type"] = e.Type,
            ["id"] = e.Id,
            ["previousEventId"] = e.PreviousEventId,
        };
        if (e.DetailsMember is not null && e.CopyOfDetails() is { } details)
        {
            wire[e.DetailsMember] = details;
        }
        return wire;
    }

    /// <summary>Actions: each one request to the Step Functions API, with the console's account.</summary>
    private async Task ActAsync(HttpContext http, string action, string account)
    {
        if (_access.RefuseAction(http.Request) is { } refused)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteJsonAsync(http, new { code = "AccessDenied", message = refused }).ConfigureAwait(false);
            return;
        }
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteJsonAsync(http, new { code = "SerializationException", message = e.Message }).ConfigureAwait(false);
            return;
        }
        var ct = http.RequestAborted;
        try
        {
            object result = action switch
            {
                "start" => await StartAsync(body, account, ct).ConfigureAwait(false),
                "stop" => await _states!.CallAsync("StopExecution", new { executionArn = Field(body, "executionArn"), error = Optional(body, "error"), cause = Optional(body, "cause") },
                    Context(account, RegionOf(Field(body, "executionArn"))), ct).ConfigureAwait(false),
                "redrive" => await _states!.CallAsync("RedriveExecution", new { executionArn = Field(body, "executionArn") },
                    Context(account, RegionOf(Field(body, "executionArn"))), ct).ConfigureAwait(false),
                "task-success" => await CallbackAsync("SendTaskSuccess", body, account, token => new { taskToken = token, output = Optional(body, "output") ?? "{}" }, ct).ConfigureAwait(false),
                "task-failure" => await CallbackAsync("SendTaskFailure", body, account, token => new { taskToken = token, error = Optional(body, "error"), cause = Optional(body, "cause") }, ct).ConfigureAwait(false),
                "task-heartbeat" => await CallbackAsync("SendTaskHeartbeat", body, account, token => new { taskToken = token }, ct).ConfigureAwait(false),
                _ => throw new ConsoleApiException("UnknownOperationException", $"The console has no action '{action}'."),
            };
            await WriteJsonAsync(http, result).ConfigureAwait(false);
        }
        catch (ConsoleApiException e)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteJsonAsync(http, new { code = e.Code, message = e.Message }).ConfigureAwait(false);
        }
    }

    private async Task<JsonElement> StartAsync(JsonElement body, string account, CancellationToken ct)
    {
        var machine = Field(body, "stateMachineArn");
        var name = Optional(body, "name");
        return await _states!.CallAsync("StartExecution", new { stateMachineArn = machine, name = string.IsNullOrEmpty(name) ? null : name, input = Optional(body, "input") ?? "{}" },
            Context(account, RegionOf(machine)), ct).ConfigureAwait(false);
    }

    /// <summary>The page names the task by its execution and TaskScheduled event; the token itself never has to leave the server.</summary>
    private async Task<JsonElement> CallbackAsync(string operation, JsonElement body, string account, Func<string, object> request, CancellationToken ct)
    {
        var token = TokenFor(Field(body, "executionArn"), body.TryGetProperty("eventId", out var id) && id.TryGetInt64(out var n) ? n : 0, account);
        return await _states!.CallAsync(operation, request(token), Context(account, RegionOf(Field(body, "executionArn"))), ct).ConfigureAwait(false);
    }

    private string TokenFor(string executionArn, long eventId, string account)
    {
        var execution = _states!.Service.Executions.Find(executionArn);
        if (execution is null || !Visible(execution, account))
        {
            throw new ConsoleApiException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");
        }
        return WaitingTasks.TokenOf(execution.Snapshot(), eventId)
            ?? throw new ConsoleApiException("TaskDoesNotExist", $"Event {eventId} of this execution scheduled no task with a task token.");
    }

    private async Task RevealAsync(HttpContext http, string account)
    {
        try
        {
            long.TryParse(http.Request.Query["event"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var eventId);
            await WriteJsonAsync(http, new { taskToken = TokenFor(http.Request.Query["execution"].ToString(), eventId, account) }).ConfigureAwait(false);
        }
        catch (ConsoleApiException e)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteJsonAsync(http, new { code = e.Code, message = e.Message }).ConfigureAwait(false);
        }
    }

    private Task PageAsync(HttpContext http, string title, string body, string? live = null)
        => WriteTextAsync(http, "text/html; charset=utf-8", ConsolePages.Layout(title, _access.CanAct, body, live));

    private static async Task AssetAsync(HttpContext http, string name)
    {
        var contentType = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => null,
        };
        await using var stream = contentType is null ? null : typeof(ConsoleEndpoints).Assembly.GetManifestResourceStream($"LocalCloud.WebConsole.Assets.{name}");
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = contentType;
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpContext http, string contentType, string text)
    {
        http.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(text);
        http.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task WriteJsonAsync(HttpContext http, object value)
        => WriteTextAsync(http, "application/json", value is JsonElement element ? element.GetRawText() : JsonSerializer.Serialize(value, Hosting.HttpBridge.JsonOptions));

    private static string Field(JsonElement body, string name)
        => Optional(body, name) ?? throw new ConsoleApiException("ValidationException", $"'{name}' is required.");

    private static string? Optional(JsonElement body, string name)
        => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Without --require-auth anyone may see everything, as through the API; with it, their own account's executions.</summary>
    private bool Visible(Execution execution, string account) => !_access.RequiresCredentials || execution.Context.AccountId == account;

    private static RequestContext Context(string account, string region) => new(account, region, Guid.NewGuid().ToString());

    /// <summary>The region an ARN names (arn:aws:states:REGION:…), so a page about it asks the right region.</summary>
    private static string RegionOf(string arn) => arn.Split(':') is { Length: > 4 } parts && parts[3].Length > 0 ? parts[3] : RequestContext.DefaultRegion;
}
