using System.Net;
using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

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

    public HttpClient Side(string side) => side == LifecycleTable.Requesting ? Fra : Deu;

    public string Url(string action = "") => UrlFor(Id, action);

    public static string UrlFor(string id, string action = "") => action.Length == 0 ? $"/api/v1/requests/{id}" : $"/api/v1/requests/{id}/{action}";

    /// <summary>An existing request, seen through another host.</summary>
    public static Case For(ApiFactory api, string id) => new(api) { Id = id };

    /// <summary>A new request (Bodies.CompleteMla unless given) brought to the named position of <see cref="LifecycleTable.Paths"/>.</summary>
    public static async Task<Case> AtAsync(ApiFactory api, string path, JsonObject? body = null)
    {
        var c = new Case(api);
        await c.StartAsync(path, body);
        return c;
    }

    public async Task StartAsync(string path, JsonObject? body = null)
    {
        var (_, steps) = LifecycleTable.Paths[path];
        if (path == "draft")
        {
            Id = await Fra.CreateDraftAsync(body ?? Bodies.CompleteMla());
            return;
        }
        Id = await Fra.SubmitNewAsync(body ?? Bodies.CompleteMla());
        foreach (var (action, stepBody) in steps)
            await ActAsync(Side(LifecycleTable.SideOf(action)), action, stepBody ?? LifecycleTable.ValidBody(action));
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
        await (await PostAsync(client, action, body ?? LifecycleTable.ValidBody(action))).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Posts the action, expects a problem of the status, and that it changed nothing; returns the problem.</summary>
    public async Task<JsonObject> RejectedAsync(HttpClient client, string action, JsonNode body, HttpStatusCode status)
    {
        var snapshot = await SnapshotAsync();
        var problem = await (await PostAsync(client, action, body)).ExpectProblemAsync(status);
        await AssertUnchangedAsync(snapshot);
        return problem;
    }

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
