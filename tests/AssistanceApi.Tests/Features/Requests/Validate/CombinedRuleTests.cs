using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>Every rule is checked and every breach reported at once, not only the first.</summary>
public sealed class CombinedRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    /// <summary>FRA → NOR, breaking one requirement of nearly every rule.</summary>
    private static JsonObject BreaksEverything() => Bodies.CompleteMla("NOR", "fr")
        .Set("legalBasis", "convention")
        .Without("requestingAuthority")
        .Without("proceeding.subject")
        .Without("facts")
        .Without("assistanceSought")
        .Without("persons")
        .Without("purpose")
        .Set("offences", new JsonArray(new JsonObject { ["article"] = 7 }, new JsonObject { ["article"] = 18 }))
        .Set("deadline", "2026-11-20")
        .Set("urgent", true)
        .Set("emergency", true);

    private static readonly (string Code, string Name)[] ExpectedErrors =
    [
        ("uncc-65-1", "legalBasis"),
        ("uncc-40-14", "language"),
        ("uncc-40-15-a", "requestingAuthority.name"),
        ("uncc-40-15-b", "proceeding.subject"),
        ("uncc-40-15-c", "facts"),
        ("uncc-40-15-d", "assistanceSought"),
        ("uncc-40-15-f", "purpose"),
        ("uncc-35-1", "offences[1].article"),
        ("uncc-40-25", "deadline"),
        ("uncc-40-25", "deadlineReasons"),
        ("uncc-40-25", "urgencyReasons"),
        ("uncc-2-o", "emergencyJustification"),
    ];

    [Fact]
    public async Task Validation_reports_every_broken_rule()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(BreaksEverything());
        Assert.False(report.Compliant());
        foreach (var (code, name) in ExpectedErrors) await fra.AssertFindingAsync(report, code, name);
        await fra.AssertFindingAsync(report, "uncc-40-15-e", "persons", severity: "warning");

        var errors = report["findings"]!.AsArray().Where(f => f!["severity"].Str() == "error").ToList();
        Assert.True(ExpectedErrors.Length == errors.Count, report.ToJsonString());
        report.AssertNoFinding("uncc-40-13"); // NOR has a central authority
        report.AssertNoFinding("uncc-41-1"); // not an expedited kind
    }

    [Fact]
    public async Task The_validation_report_has_exactly_the_contract_shape()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(BreaksEverything());
        // Contract section 3: { "compliant": bool, "findings": [{ severity, code, name, reason }] }, plus each finding's basis (issue 12, item 8).
        Assert.Equal(new[] { "compliant", "findings" }, report.Select(p => p.Key).Order().ToArray());
        Assert.All(report["findings"]!.AsArray(), f =>
            Assert.Equal(new[] { "basis", "code", "name", "reason", "severity" }, f!.AsObject().Select(p => p.Key).Order().ToArray()));
    }

    [Fact]
    public async Task Submit_rejects_with_every_error_and_no_warning()
    {
        var fra = api.As(DemoKeys.Fra);
        var problem = await fra.SubmitRejectedAsync(BreaksEverything());
        foreach (var (code, name) in ExpectedErrors) await fra.AssertErrorAsync(problem, code, name);
        Assert.True(ExpectedErrors.Length == problem["errors"]!.AsArray().Count, problem.ToJsonString());
        problem.AssertNoFinding("uncc-40-15-e", "errors");
    }

    [Fact]
    public async Task Validating_a_stored_draft_gives_the_same_findings_as_validating_the_body()
    {
        var fra = api.As(DemoKeys.Fra);
        var unsaved = await fra.ValidateAsync(BreaksEverything());
        var id = await fra.CreateDraftAsync(BreaksEverything());
        var stored = await (await fra.PostAsync($"/api/v1/requests/{id}/validation", null)).ExpectAsync(HttpStatusCode.OK);

        static string[] Keys(JsonObject r) => r["findings"]!.AsArray()
            .Select(f => $"{f!["severity"].Str()} {f["code"].Str()} {f["name"].Str()}").Order().ToArray();
        Assert.Equal(Keys(unsaved), Keys(stored));
        Assert.False(stored.Compliant());
    }

    [Fact]
    public async Task Fixing_the_draft_by_merge_patch_lets_it_submit()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla().Without("purpose").Set("language", "fr"));
        var problem = await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new[] { "uncc-40-14", "uncc-40-15-f" }, problem.Codes().Order().ToArray());

        var draft = await (await fra.GetAsync($"/api/v1/requests/{id}")).ExpectAsync(HttpStatusCode.OK);
        var etag = $"\"{draft["version"]!.GetValue<long>()}\"";
        await (await fra.PatchJsonAsync($"/api/v1/requests/{id}",
            new JsonObject { ["purpose"] = "To establish how access was gained.", ["language"] = "de" }, etag)).ExpectAsync(HttpStatusCode.OK);

        var submitted = await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", submitted["status"].Str());
    }
}
