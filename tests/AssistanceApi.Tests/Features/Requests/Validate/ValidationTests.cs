using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

public sealed class ValidationTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Validating_a_complete_body_reports_compliant_and_writes_nothing()
    {
        await using var api = new ApiFactory(); // a host of its own: it asserts FRA has no request at all
        var fra = api.As(DemoKeys.Fra);

        var report = await (await fra.PostJsonAsync("/api/v1/requests/validation", Bodies.CompleteMla())).ExpectAsync(HttpStatusCode.OK);

        Assert.True(report["compliant"]!.GetValue<bool>());
        Assert.NotNull(report["findings"]);
        Assert.All(report["findings"]!.AsArray(), f => Assert.Equal("warning", f!["severity"].Str()));
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task Validating_an_incomplete_body_lists_error_findings_and_writes_nothing()
    {
        await using var api = new ApiFactory(); // a host of its own: it asserts FRA has no request at all
        var fra = api.As(DemoKeys.Fra);

        var report = await (await fra.PostJsonAsync("/api/v1/requests/validation", Bodies.MinimalDraft())).ExpectAsync(HttpStatusCode.OK);

        Assert.False(report["compliant"]!.GetValue<bool>());
        var findings = report["findings"]!.AsArray();
        Assert.Contains(findings, f => f!["code"].Str() == "uncc-40-15-a" && f["severity"].Str() == "error");
        Assert.Contains(findings, f => f!["code"].Str() == "uncc-40-15-e" && f["severity"].Str() == "warning");
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrEmpty(f!["name"].Str()));
            Assert.StartsWith("UNCC Art. ", f["reason"].Str());
        });
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task Validating_an_ill_formed_body_is_a_400_and_writes_nothing()
    {
        await using var api = new ApiFactory(); // a host of its own: it asserts FRA has no request at all
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.MinimalDraft();
        body["requestedState"] = "ZZZ";

        var problem = await (await fra.PostJsonAsync("/api/v1/requests/validation", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("invalid-state-code", problem.Codes());
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task Validating_a_body_addressed_to_the_callers_own_State_reports_uncc_40_1()
    {
        await using var api = new ApiFactory(); // a host of its own: it asserts FRA has no request at all
        var fra = api.As(DemoKeys.Fra);

        var report = await (await fra.PostJsonAsync("/api/v1/requests/validation", Bodies.CompleteMla("FRA"))).ExpectAsync(HttpStatusCode.OK);

        Assert.False(report["compliant"]!.GetValue<bool>());
        Assert.Equal(["uncc-40-1"], report.Codes("findings"));
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task Validating_a_stored_draft_gives_the_findings_submit_gives()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body.Remove("facts");
        body.Remove("purpose");
        body["urgent"] = true;
        var id = await fra.CreateDraftAsync(body);

        var report = await (await fra.PostAsync($"/api/v1/requests/{id}/validation", null)).ExpectAsync(HttpStatusCode.OK);
        var problem = await (await fra.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.False(report["compliant"]!.GetValue<bool>());
        var errorFindings = report["findings"]!.AsArray()
            .Where(f => f!["severity"].Str() == "error")
            .Select(f => (f!["code"].Str(), f["name"].Str(), f["reason"].Str()));
        var submitErrors = problem["errors"]!.AsArray().Select(e => (e!["code"].Str(), e["name"].Str(), e["reason"].Str()));
        Assert.Equal(submitErrors, errorFindings);
        Assert.Equal(["uncc-40-15-c", "uncc-40-15-f", "uncc-40-25"], report.Codes("findings").Where(c => c != "uncc-40-9").Order());

        var stored = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Validating_a_compliant_stored_draft_reports_compliant_and_leaves_it_a_draft()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var report = await (await fra.PostAsync($"/api/v1/requests/{id}/validation", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.True(report["compliant"]!.GetValue<bool>());
        var stored = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", stored["status"].Str());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Validating_an_unknown_draft_is_a_404()
    {
        await (await api.As(DemoKeys.Fra).PostAsync($"/api/v1/requests/{Guid.CreateVersion7()}/validation", null))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
