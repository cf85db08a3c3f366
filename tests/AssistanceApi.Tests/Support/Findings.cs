using System.Net;
using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// Validation reports and 422 problems: validate an unsaved body, draft and submit it, and check that a finding
/// carries the provision id as code, the JSON path as name and the catalogue's citation in its reason.
/// </summary>
public static class Findings
{
    public const string ValidationUrl = "/api/v1/requests/validation";

    /// <summary>POST /requests/validation: 200 with a validation report.</summary>
    public static async Task<JsonObject> ValidateAsync(this HttpClient client, JsonObject body)
    {
        var report = await (await client.PostJsonAsync(ValidationUrl, body)).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(report["compliant"]);
        Assert.NotNull(report["findings"]);
        return report;
    }

    public static bool Compliant(this JsonObject report) => report["compliant"]!.GetValue<bool>();

    /// <summary>The findings (or problem errors) with the code.</summary>
    public static IReadOnlyList<JsonObject> WithCode(this JsonObject body, string code, string list = "findings") =>
        body[list]?.AsArray().Select(f => f!.AsObject()).Where(f => f["code"].Str() == code).ToList() ?? [];

    public static void AssertNoFinding(this JsonObject report, string code, string list = "findings") =>
        Assert.True(report.WithCode(code, list).Count == 0, $"expected no {code}; got: {report.ToJsonString()}");

    /// <summary>Compliant, and without any finding of this code.</summary>
    public static void AssertPasses(this JsonObject report, string code)
    {
        report.AssertNoFinding(code);
        Assert.True(report.Compliant(), $"expected a compliant report; got: {report.ToJsonString()}");
    }

    /// <summary>
    /// Asserts the report holds a finding with this code, name and severity whose reason starts with the
    /// citation the catalogue gives for the code; returns it.
    /// </summary>
    public static async Task<JsonObject> AssertFindingAsync(this HttpClient client, JsonObject report, string code, string name,
        string severity = "error")
    {
        var withCode = report.WithCode(code);
        Assert.True(withCode.Count > 0, $"expected a finding {code} at {name}; report: {report.ToJsonString()}");
        var finding = withCode.FirstOrDefault(f => f["name"].Str() == name);
        Assert.True(finding is not null,
            $"expected finding {code} to name '{name}', got: {string.Join(", ", withCode.Select(f => f["name"].Str()))}");
        Assert.Equal(severity, finding!["severity"].Str());
        await client.AssertCitesAsync(code, finding["reason"].Str());
        if (severity == "error") Assert.False(report.Compliant(), "a report with an error finding is not compliant");
        return finding;
    }

    /// <summary>Asserts a 422 problem lists an error with this code and name, citing the provision.</summary>
    public static async Task<JsonObject> AssertErrorAsync(this HttpClient client, JsonObject problem, string code, string name)
    {
        var withCode = problem.WithCode(code, "errors");
        Assert.True(withCode.Count > 0, $"expected an error {code} at {name}; problem: {problem.ToJsonString()}");
        var error = withCode.FirstOrDefault(f => f["name"].Str() == name);
        Assert.True(error is not null,
            $"expected error {code} to name '{name}', got: {string.Join(", ", withCode.Select(f => f["name"].Str()))}");
        await client.AssertCitesAsync(code, error!["reason"].Str());
        return error;
    }

    /// <summary>GET /provisions/{code} and check the reason starts with "UNCC Art. a(p)(i): " and goes on.</summary>
    public static async Task AssertCitesAsync(this HttpClient client, string code, string reason)
    {
        var provision = await (await client.GetAsync($"/api/v1/provisions/{code}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(code, provision["id"].Str());
        Assert.Equal("UNCC", provision["instrument"].Str());
        var citation = $"UNCC Art. {provision["article"]!.GetValue<int>()}";
        if (provision["paragraph"] is { } paragraph) citation += $"({paragraph.Str()})";
        if (provision["item"] is { } item) citation += $"({item.Str()})";
        Assert.True(reason.StartsWith(citation + ": ", StringComparison.Ordinal),
            $"expected the reason to start with '{citation}: ' but it is '{reason}'");
        Assert.True(reason.Length > citation.Length + 2, "the reason says nothing after its citation");
    }

    /// <summary>Drafts the body and submits it; expects 200 and status submitted. Returns the request.</summary>
    public static async Task<JsonObject> SubmitAcceptedAsync(this HttpClient client, JsonObject body)
    {
        var id = await client.CreateDraftAsync(body);
        var submitted = await (await client.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", submitted["status"].Str());
        return submitted;
    }

    /// <summary>Drafts the body and submits it; expects 422 problem+json with treaty errors, and the request still a draft.</summary>
    public static async Task<JsonObject> SubmitRejectedAsync(this HttpClient client, JsonObject body)
    {
        var id = await client.CreateDraftAsync(body);
        var problem = await (await client.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(problem.Codes());
        // Nothing was submitted: the request is still a draft.
        var stored = await (await client.GetAsync($"/api/v1/requests/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", stored["status"].Str());
        return problem;
    }

    /// <summary>
    /// <see cref="SubmitRejectedAsync"/>, and the problem lists an error of this code (at this name when one is given)
    /// whose reason cites the provision.
    /// </summary>
    public static async Task<JsonObject> SubmitRejectedForAsync(this HttpClient client, JsonObject body, string code, string? name = null)
    {
        var problem = await client.SubmitRejectedAsync(body);
        var errors = problem.WithCode(code, "errors");
        Assert.True(errors.Count > 0, $"expected an error {code}; problem: {problem.ToJsonString()}");
        if (name is not null)
            Assert.True(errors.Any(e => e["name"].Str() == name), $"expected {code} at '{name}'; problem: {problem.ToJsonString()}");
        await client.AssertCitesAsync(code, errors[0]["reason"].Str());
        return problem;
    }
}
