using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.DocumentCalls;

namespace AssistanceApi.Tests.Features.Documents;

/// <summary>
/// Art. 40(14) through HTTP: a State that declares it requires a signed letter gets none submitted without one, and a
/// request in a language it does not accept goes with a translation into one it does. Its own host: it edits the directory.
/// </summary>
public sealed class SubmitWithDocumentsTests : IAsyncLifetime
{
    private readonly DocumentHost _api = new(DocumentHosts.FileSystem);

    public async Task InitializeAsync()
    {
        var secretariat = _api.As(DemoKeys.Secretariat);
        var entry = await (await secretariat.GetAsync("/api/v1/states/DEU")).ExpectAsync(HttpStatusCode.OK);
        entry["declarations"]!["requiresRequestLetter"] = true;
        await (await secretariat.PutAsync("/api/v1/states/DEU", new StringContent(entry.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .ExpectAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Submission_needs_the_letter_the_requested_state_requires()
    {
        var fra = _api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var refused = await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("uncc-40-14", refused.Codes());
        Assert.Contains("documents", refused.Names());

        await (await fra.SendAsync(Upload(id, UniquePdf()))).ExpectAsync(HttpStatusCode.Created);
        await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_in_a_language_not_accepted_goes_with_a_translation_into_one_that_is()
    {
        var fra = _api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body["language"] = "fr";
        var id = await fra.CreateDraftAsync(body);
        await (await fra.SendAsync(Upload(id, UniquePdf(), language: "fr"))).ExpectAsync(HttpStatusCode.Created);
        var refused = await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["language"], refused.Names());

        await (await fra.SendAsync(Upload(id, UniquePdf(), purpose: "translation", language: "de"))).ExpectAsync(HttpStatusCode.Created);
        var validation = await (await fra.PostAsync($"/api/v1/requests/{id}/validation", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.True(validation["compliant"]!.GetValue<bool>());
        await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectAsync(HttpStatusCode.OK);
    }
}
