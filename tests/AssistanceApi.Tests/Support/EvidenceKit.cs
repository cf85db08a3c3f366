using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssistanceApi.Tests.Evidence;

/// <summary>
/// Shared steps of the electronic-evidence tests (Arts. 41–46): validate and submit bodies, check findings
/// against the provision catalogue, walk a preservation, read the stored row, run the expiry sweep.
/// </summary>
public static class EvidenceKit
{
    public const string Requests = "/api/v1/requests";
    public const string Validation = "/api/v1/requests/validation";

    public static JsonObject Until(string day) => new() { ["preservedUntil"] = day };

    public static JsonObject Reason(string reason) => new() { ["reason"] = reason };

    public static JsonArray Array(params string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    // ---- bodies -------------------------------------------------------------------------------------------

    /// <summary>A traffic-data disclosure (Art. 43) from the caller's State, naming the preservation it follows.</summary>
    public static JsonObject Disclosure(string? relatedRequestId, string requestedState = "DEU")
    {
        var body = new JsonObject
        {
            ["kind"] = "traffic-data-disclosure",
            ["requestedState"] = requestedState,
            ["language"] = "en",
            ["requestingAuthority"] = new JsonObject { ["name"] = "OFAC cybercrime unit", ["functions"] = "Police" },
            ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }),
            ["facts"] = "The intrusion was relayed through a second provider.",
        };
        if (relatedRequestId is not null) body["relatedRequestId"] = relatedRequestId;
        return body;
    }

    /// <summary>A complete MLA request (FRA → requestedState) seeking one measure on electronic data (Arts. 44–46).</summary>
    public static JsonObject ElectronicMla(string measure, string requestedState = "DEU", JsonObject? electronicData = null)
    {
        var body = Bodies.CompleteMla(requestedState);
        body["measures"] = Array(measure);
        body["assistanceSought"] = $"Carry out {measure} on the account named.";
        if (electronicData is not null) body["electronicData"] = electronicData;
        return body;
    }

    /// <summary>Categories and identifiers, and a period only if asked.</summary>
    public static JsonObject Data(string? from = null, string? to = null, int? durationDays = null)
    {
        var data = new JsonObject
        {
            ["categories"] = Array("traffic"),
            ["identifiers"] = Array("203.0.113.7"),
        };
        if (from is not null) data["from"] = from;
        if (to is not null) data["to"] = to;
        if (durationDays is not null) data["durationDays"] = durationDays;
        return data;
    }

    public static JsonObject Period() => Data(from: "2026-12-01", to: "2026-12-31");

    /// <summary>A serious crime (Art. 2(h)) outside Arts. 7–17.</summary>
    public static JsonObject SeriousCrime(int maxPenaltyYears) =>
        new() { ["description"] = "Aggravated fraud", ["maxPenaltyYears"] = maxPenaltyYears };


    // ---- validation and submission --------------------------------------------------------------------------

    public static async Task<JsonObject> ValidateAsync(this HttpClient client, JsonObject body)
    {
        var report = await (await client.PostJsonAsync(Validation, body)).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(report["compliant"]);
        Assert.NotNull(report["findings"]);
        return report;
    }

    public static bool Compliant(this JsonObject report) => report["compliant"]!.GetValue<bool>();

    public static IReadOnlyList<JsonObject> WithCode(this JsonObject body, string code, string list = "findings") =>
        body[list]?.AsArray().Select(f => f!.AsObject()).Where(f => f["code"].Str() == code).ToList() ?? [];

    public static void AssertNoFinding(this JsonObject report, string code, string list = "findings") =>
        Assert.True(report.WithCode(code, list).Count == 0, $"expected no {code}; got: {report.ToJsonString()}");

    /// <summary>The report holds a finding of this code at this name and severity, citing the provision.</summary>
    public static async Task<JsonObject> AssertFindingAsync(this HttpClient client, JsonObject report, string code, string name, string severity = "error")
    {
        var withCode = report.WithCode(code);
        Assert.True(withCode.Count > 0, $"expected a finding {code} at {name}; report: {report.ToJsonString()}");
        var finding = withCode.FirstOrDefault(f => f["name"].Str() == name);
        Assert.True(finding is not null, $"expected {code} at '{name}', got: {string.Join(", ", withCode.Select(f => f["name"].Str()))}");
        Assert.Equal(severity, finding!["severity"].Str());
        await client.AssertCitesAsync(code, finding["reason"].Str());
        if (severity == "error") Assert.False(report.Compliant(), "a report with an error finding is not compliant");
        return finding;
    }

    /// <summary>Compliant, and without any finding of this code.</summary>
    public static void AssertPasses(this JsonObject report, string code)
    {
        report.AssertNoFinding(code);
        Assert.True(report.Compliant(), $"expected a compliant report; got: {report.ToJsonString()}");
    }

    /// <summary>Drafts and submits; expects 422 problem+json listing an error of this code at this name; the request stays a draft.</summary>
    public static async Task<JsonObject> SubmitRejectedAsync(this HttpClient client, JsonObject body, string code, string? name = null)
    {
        var id = await client.CreateDraftAsync(body);
        var problem = await (await client.PostAsync($"{Requests}/{id}/submit", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.WithCode(code, "errors");
        Assert.True(errors.Count > 0, $"expected an error {code}; problem: {problem.ToJsonString()}");
        if (name is not null)
            Assert.True(errors.Any(e => e["name"].Str() == name), $"expected {code} at '{name}'; problem: {problem.ToJsonString()}");
        await client.AssertCitesAsync(code, errors[0]["reason"].Str());
        var stored = await (await client.GetAsync($"{Requests}/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", stored["status"].Str());
        return problem;
    }

    /// <summary>Drafts and submits; expects 200 and status submitted. Returns the request.</summary>
    public static async Task<JsonObject> SubmitAcceptedAsync(this HttpClient client, JsonObject body)
    {
        var id = await client.CreateDraftAsync(body);
        var submitted = await (await client.PostAsync($"{Requests}/{id}/submit", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", submitted["status"].Str());
        return submitted;
    }

    /// <summary>GET /provisions/{code}; the reason starts with "UNCC Art. a(p)(i): ".</summary>
    public static async Task AssertCitesAsync(this HttpClient client, string code, string reason)
    {
        var provision = await (await client.GetAsync($"/api/v1/provisions/{code}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(code, provision["id"].Str());
        var citation = $"UNCC Art. {provision["article"]!.GetValue<int>()}";
        if (provision["paragraph"] is { } paragraph) citation += $"({paragraph.Str()})";
        if (provision["item"] is { } item) citation += $"({item.Str()})";
        Assert.True(reason.StartsWith(citation + ": ", StringComparison.Ordinal), $"expected '{citation}: …' but got '{reason}'");
    }

    // ---- preservation ---------------------------------------------------------------------------------------

    /// <summary>A preservation FRA → DEU (or as the exchange's keys say), submitted, acknowledged and preserved until the day.</summary>
    public static async Task<Exchange> PreservedAsync(ApiFactory api, string until = "2027-01-26",
        string requestingKey = DemoKeys.Fra, string requestedKey = DemoKeys.Deu, JsonObject? body = null)
    {
        var x = await new Exchange(api, requestingKey, requestedKey).SubmittedAsync(body ?? Bodies.CompletePreservation());
        await x.ActAsync(x.Requested, "acknowledge");
        var preserved = await x.ActAsync(x.Requested, "preserve", Until(until));
        Assert.Equal("preserved", preserved["status"].Str());
        return x;
    }

    public static DateTimeOffset Time(this JsonNode? node) => DateTimeOffset.Parse(node.Str(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Moves the test clock to the moment given (forward only).</summary>
    public static void AdvanceTo(this ApiFactory api, DateTimeOffset moment)
    {
        var by = moment - api.Clock.GetUtcNow();
        Assert.True(by >= TimeSpan.Zero, $"the clock is already past {moment:O}");
        api.Clock.Advance(by);
    }

    /// <summary>The ids of a list response's items.</summary>
    public static IReadOnlyList<string> Ids(this JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["id"].Str()).ToList();

    public static async Task<IReadOnlyList<string>> ListIdsAsync(this HttpClient client, string query) =>
        (await (await client.GetAsync($"{Requests}?{query}")).ExpectAsync(HttpStatusCode.OK)).Ids();

    public static async Task<JsonObject> HistoryAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"{Requests}/{id}/history")).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The status column as stored, not as reads compute it.</summary>
    public static string StoredStatus(this ApiFactory api, string id) =>
        api.Database.QueryAsync<string>("SELECT status FROM requests WHERE id = @id", new { id = Guid.Parse(id) }).GetAwaiter().GetResult().Single();

    /// <summary>
    /// The same host (same database, same clock) without the background expiry sweeper, which a clock advance of
    /// more than five minutes may otherwise wake at any moment: what reads show is then computed by the read alone.
    /// </summary>
    public static WebApplicationFactory<Program> WithoutSweeper(this ApiFactory api) =>
        api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            foreach (var sweeper in services.Where(s => s.ServiceType == typeof(IHostedService)
                         && s.ImplementationType == typeof(AssistanceApi.Features.Requests.Expire.ExpirySweeper)).ToList())
                services.Remove(sweeper);
        }));

    /// <summary>A client of the host with the API key.</summary>
    public static HttpClient Client(this WebApplicationFactory<Program> host, string apiKey)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public static async Task<JsonObject> ActAsync(this HttpClient client, string id, string action, JsonNode? body = null) =>
        await (await client.PostJsonAsync($"{Requests}/{id}/{action}", body ?? new JsonObject())).ExpectAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryActAsync(this HttpClient client, string id, string action, JsonNode? body = null) =>
        client.PostJsonAsync($"{Requests}/{id}/{action}", body ?? new JsonObject());

    public static async Task<JsonObject> GetRequestAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"{Requests}/{id}")).ExpectAsync(HttpStatusCode.OK);

    public static async Task<string> StatusAsync(this HttpClient client, string id) => (await client.GetRequestAsync(id))["status"].Str();

    public static IReadOnlyList<string> Allowed(this JsonObject request) =>
        request["allowedActions"]!.AsArray().Select(a => a.Str()).ToList();

    /// <summary>A preservation submitted by one client, acknowledged and preserved until the day by the other; its id.</summary>
    public static async Task<string> PreservedIdAsync(HttpClient requesting, HttpClient requested, string until, JsonObject? body = null)
    {
        var id = await requesting.SubmitNewAsync(body ?? Bodies.CompletePreservation());
        await requested.ActAsync(id, "acknowledge");
        Assert.Equal("preserved", (await requested.ActAsync(id, "preserve", Until(until)))["status"].Str());
        return id;
    }

    /// <summary>Runs the expiry sweep as the background service does, through the Mediator.</summary>
    public static async Task<int> SweepAsync(this WebApplicationFactory<Program> api)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>()
            .Send(new AssistanceApi.Features.Requests.Expire.ExpirePreservationsCommand());
    }
}
