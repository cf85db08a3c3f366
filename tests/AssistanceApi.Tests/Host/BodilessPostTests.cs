using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>A POST with no body and no Content-Type, as `curl -X POST` sends it, is an empty JSON object.</summary>
public sealed class BodilessPostTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task An_action_whose_fields_are_optional_needs_no_body()
    {
        var x = await new Exchange(api).SubmittedAsync();

        var acknowledged = await (await x.Requested.PostAsync(x.Url("acknowledge"), null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("acknowledged", acknowledged["status"].Str());
    }

    [Fact]
    public async Task An_action_that_needs_a_field_names_it_when_the_body_is_missing()
    {
        var x = await new Exchange(api).SubmittedAsync();

        var problem = await (await x.Requesting.PostAsync(x.Url("withdraw"), null)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("reason", problem.Names());
        Assert.Equal("submitted", (await x.GetAsync(x.Requesting))["status"].Str());
    }

    [Fact]
    public async Task A_create_without_a_body_is_a_problem_naming_the_required_fields()
    {
        var problem = await (await api.As(DemoKeys.Fra).PostAsync("/api/v1/requests", null)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("kind", problem.Names());
        Assert.Contains("requestedState", problem.Names());
    }
}
