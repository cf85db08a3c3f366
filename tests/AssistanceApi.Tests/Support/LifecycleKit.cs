using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Lifecycle;

/// <summary>
/// The lifecycle table of contract section 4, written down independently of src/, and a request between FRA
/// (requesting) and DEU (requested) that can be brought into any status through the API.
/// </summary>
public static class LifecycleKit
{
    public const string Requesting = "requesting";
    public const string Requested = "requested";

    public static readonly string[] Actions =
    [
        "withdraw", "acknowledge", "request-information", "provide-information", "start-execution", "consult",
        "accept-conditions", "decline-conditions", "refuse", "postpone", "resume", "complete",
    ];

    public static readonly string[] Terminal = ["executed", "partially-executed", "refused", "withdrawn"];

    /// <summary>Which side takes each action (contract §4, column "by").</summary>
    public static string SideOf(string action) =>
        action is "withdraw" or "provide-information" or "accept-conditions" or "decline-conditions" ? Requesting : Requested;

    public static string OtherSide(string side) => side == Requesting ? Requested : Requesting;

    /// <summary>A body each action accepts.</summary>
    public static JsonObject ValidBody(string action) => action switch
    {
        "withdraw" => new JsonObject { ["reason"] = "The suspect confessed." },
        "acknowledge" => new JsonObject { ["requestedReference"] = "BfJ-2026-1" },
        "request-information" => new JsonObject { ["questions"] = new JsonArray("Which mailbox?") },
        "provide-information" => new JsonObject { ["answers"] = new JsonArray("ransom@mail.example.org") },
        "consult" => new JsonObject { ["intent"] = "refuse", ["proposedConditions"] = new JsonArray("Use only in proceeding PNC-2026-42") },
        "accept-conditions" => new JsonObject { ["comment"] = "Agreed." },
        "decline-conditions" => new JsonObject { ["comment"] = "We need the data for a second proceeding." },
        "refuse" => new JsonObject { ["grounds"] = new JsonArray("essential-interests"), ["reasons"] = "National security." },
        "postpone" => new JsonObject { ["reasons"] = "A domestic trial is under way.", ["until"] = "2027-03-01" },
        "complete" => new JsonObject { ["outcome"] = "executed", ["summary"] = "Witness heard on 3 December." },
        _ => new JsonObject(),
    };

    /// <summary>
    /// Named positions in the lifecycle and the steps that reach them from "submitted". A position names its
    /// status, and where it matters how it got there.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Status, (string Action, JsonObject? Body)[] Steps)> Paths =
        new Dictionary<string, (string, (string, JsonObject?)[])>
        {
            ["draft"] = ("draft", []),
            ["submitted"] = ("submitted", []),
            ["acknowledged"] = ("acknowledged", [("acknowledge", null)]),
            ["in-execution"] = ("in-execution", [("acknowledge", null), ("start-execution", null)]),
            ["information-requested"] = ("information-requested", [("acknowledge", null), ("request-information", null)]),
            ["information-requested-in-execution"] = ("information-requested",
                [("acknowledge", null), ("start-execution", null), ("request-information", null)]),
            ["consultation"] = ("consultation", [("acknowledge", null), ("consult", null)]),
            ["consultation-in-execution"] = ("consultation", [("acknowledge", null), ("start-execution", null), ("consult", null)]),
            ["consultation-declined"] = ("consultation", [("acknowledge", null), ("consult", null), ("decline-conditions", null)]),
            ["postponed"] = ("postponed", [("acknowledge", null), ("consult", null), ("decline-conditions", null), ("postpone", null)]),
            ["executed"] = ("executed", [("acknowledge", null), ("start-execution", null), ("complete", null)]),
            ["partially-executed"] = ("partially-executed", [("acknowledge", null), ("start-execution", null),
                ("complete", new JsonObject { ["outcome"] = "partially-executed", ["summary"] = "Logs sent.", ["unexecutedReasons"] = "The witness has died." })]),
            ["refused"] = ("refused", [("acknowledge", null), ("consult", null), ("decline-conditions", null), ("refuse", null)]),
            ["withdrawn"] = ("withdrawn", [("withdraw", null)]),
        };

    /// <summary>What allowedActions the contract table gives each side at each position (MLA request, fresh consultation).</summary>
    public static string[] ExpectedAllowed(string path, string side) => (path, side) switch
    {
        ("draft", Requesting) => ["submit"],
        ("draft", Requested) => [],
        ("submitted", Requesting) => ["withdraw"],
        ("submitted", Requested) => ["acknowledge"],
        ("acknowledged", Requesting) => ["withdraw"],
        ("acknowledged", Requested) => ["request-information", "start-execution", "consult"],
        ("in-execution", Requesting) => ["withdraw"],
        ("in-execution", Requested) => ["request-information", "consult", "complete"],
        ("information-requested" or "information-requested-in-execution", Requesting) => ["withdraw", "provide-information"],
        ("information-requested" or "information-requested-in-execution", Requested) => [],
        ("consultation" or "consultation-in-execution", Requesting) => ["withdraw", "accept-conditions", "decline-conditions"],
        ("consultation" or "consultation-in-execution", Requested) => [],
        ("consultation-declined", Requesting) => ["withdraw", "accept-conditions", "decline-conditions"],
        ("consultation-declined", Requested) => ["refuse", "postpone"],
        ("postponed", Requesting) => ["withdraw"],
        ("postponed", Requested) => ["resume"],
        ("executed" or "partially-executed" or "refused" or "withdrawn", _) => [],
        _ => throw new ArgumentException($"no expectation for {path}/{side}"),
    };

    public static string[] Sorted(IEnumerable<string> items) => items.OrderBy(s => s, StringComparer.Ordinal).ToArray();

    public static string[] Strings(this JsonNode? array) => array!.AsArray().Select(n => n.Str()).ToArray();

    public static long Version(this JsonObject resource) => resource["version"]!.GetValue<long>();

    /// <summary>A problem+json whose type is /problems/{code}.</summary>
    public static async Task<JsonObject> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var problem = await response.ExpectProblemAsync(status);
        Assert.Equal($"/problems/{type}", problem["type"].Str());
        return problem;
    }

    public static string ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? "<none>";
}

/// <summary>One request, the clients of both its States, a third State, no key and the secretariat.</summary>
public sealed class Case(ApiFactory api)
{
    public ApiFactory Api { get; } = api;
    public HttpClient Fra { get; } = api.As(DemoKeys.Fra);
    public HttpClient Deu { get; } = api.As(DemoKeys.Deu);
    public HttpClient Bra { get; } = api.As(DemoKeys.Bra);
    public HttpClient Anonymous { get; } = api.As(null);
    public HttpClient Secretariat { get; } = api.As(DemoKeys.Secretariat);
    public string Id { get; private set; } = "";

    public HttpClient Side(string side) => side == LifecycleKit.Requesting ? Fra : Deu;

    public string Url(string action = "") => UrlFor(Id, action);

    public static string UrlFor(string id, string action = "") => action.Length == 0 ? $"/api/v1/requests/{id}" : $"/api/v1/requests/{id}/{action}";

    /// <summary>A new request (Bodies.CompleteMla unless given) brought to the named position of <see cref="LifecycleKit.Paths"/>.</summary>
    /// <summary>An existing request, seen through another host.</summary>
    public static Case For(ApiFactory api, string id) => new(api) { Id = id };

    public static async Task<Case> AtAsync(ApiFactory api, string path, JsonObject? body = null)
    {
        var c = new Case(api);
        await c.StartAsync(path, body);
        return c;
    }

    public async Task StartAsync(string path, JsonObject? body = null)
    {
        var (_, steps) = LifecycleKit.Paths[path];
        if (path == "draft")
        {
            Id = await Fra.CreateDraftAsync(body ?? Bodies.CompleteMla());
            return;
        }
        Id = await Fra.SubmitNewAsync(body ?? Bodies.CompleteMla());
        foreach (var (action, stepBody) in steps)
            await ActAsync(Side(LifecycleKit.SideOf(action)), action, stepBody ?? LifecycleKit.ValidBody(action));
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string action, JsonNode? body,
        string? ifMatch = null, string? idempotencyKey = null, string? id = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, UrlFor(id ?? Id, action));
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) message.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return client.SendAsync(message);
    }

    public async Task<JsonObject> ActAsync(HttpClient client, string action, JsonNode? body = null) =>
        await (await PostAsync(client, action, body ?? LifecycleKit.ValidBody(action))).ExpectAsync(HttpStatusCode.OK);

    public async Task<JsonObject> GetAsync(HttpClient client) => await (await client.GetAsync(Url())).ExpectAsync(HttpStatusCode.OK);

    public async Task<JsonObject> HistoryAsync(HttpClient? client = null) =>
        await (await (client ?? Fra).GetAsync(Url("history"))).ExpectAsync(HttpStatusCode.OK);

    public async Task<string[]> HistoryActionsAsync(HttpClient? client = null) =>
        (await HistoryAsync(client))["events"]!.AsArray().Select(e => e!["action"].Str()).ToArray();

    /// <summary>What a rejected action must leave untouched: status, version, updatedAt and the number of audit events.</summary>
    public async Task<Snapshot> SnapshotAsync()
    {
        var request = await GetAsync(Fra);
        var events = (await HistoryAsync(Fra))["events"]!.AsArray().Count;
        return new Snapshot(request["status"].Str(), request.Version(), request["updatedAt"].Str(), events);
    }

    public async Task AssertUnchangedAsync(Snapshot before)
    {
        var after = await SnapshotAsync();
        Assert.Equal(before, after);
        if (before.Status != "draft")
        {
            var seenByRequested = await GetAsync(Deu);
            Assert.Equal(before.Status, seenByRequested["status"].Str());
            Assert.Equal(before.Version, seenByRequested.Version());
        }
    }

    public sealed record Snapshot(string Status, long Version, string UpdatedAt, int Events);
}
