using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.States.Update;

/// <summary>
/// PUT /states/{code} accepts the entry GET returned: its read-only code, name and asOf are ignored when they repeat
/// the stored entry, and a 400 naming the field when they contradict it.
/// </summary>
public sealed class UpdateStateRoundTripTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonObject> GetAsync(HttpClient client, string code) =>
        await (await client.GetAsync($"/api/v1/states/{code}")).ExpectAsync(HttpStatusCode.OK);

    private static JsonObject Without(JsonObject entry, string field)
    {
        var copy = entry.DeepClone().AsObject();
        copy.Remove(field);
        return copy;
    }

    [Theory]
    [InlineData("FRA")] // the demo entry, with offices and languages
    [InlineData("AFG")] // no offices, no languages, nothing declared
    public async Task The_entry_GET_returned_can_be_PUT_back_unchanged(string code)
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        api.Clock.Advance(TimeSpan.FromDays(1));
        var before = await GetAsync(secretariat, code);

        var updated = await (await secretariat.PutAsync($"/api/v1/states/{code}", Json(before))).ExpectAsync(HttpStatusCode.OK);

        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        Assert.Equal(today, updated["asOf"].Str());
        Assert.True(JsonNode.DeepEquals(Without(before, "asOf"), Without(updated, "asOf")), $"{before} became {updated}");
        Assert.True(JsonNode.DeepEquals(updated, await GetAsync(secretariat, code)));
    }

    public static TheoryData<string, string, JsonNode> Contradictions => new()
    {
        { "code", "code", "DEU" },
        { "code in lower case", "code", "fra" },
        { "name", "name", "French Republic" },
        { "asOf", "asOf", "2000-01-01" },
        { "asOf not a date", "asOf", "yesterday" },
        { "code not a string", "code", 276 },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public async Task A_read_only_field_that_contradicts_the_entry_is_400_naming_it_and_changes_nothing(string why, string field, JsonNode value)
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        var before = await GetAsync(secretariat, "FRA");
        var body = before.DeepClone().AsObject();
        body[field] = value.DeepClone();
        body["source"] = "an edit that must not be kept";

        var problem = await (await secretariat.PutAsync("/api/v1/states/FRA", Json(body))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.Names().SequenceEqual([field]), $"{why}: errors name {string.Join(", ", problem.Names())}");
        Assert.True(JsonNode.DeepEquals(before, await GetAsync(secretariat, "FRA")), why);
    }

    [Fact]
    public async Task Every_contradicting_field_is_named_at_once()
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        var body = await GetAsync(secretariat, "FRA");
        body["code"] = "DEU";
        body["name"] = "Germany";
        body["asOf"] = "2000-01-01";

        var problem = await (await secretariat.PutAsync("/api/v1/states/FRA", Json(body))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["code", "name", "asOf"], problem.Names());
        Assert.DoesNotContain("Germany", problem.ToJsonString());
    }

    [Fact]
    public async Task An_entry_read_before_another_edit_is_400_on_its_asOf()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        var read = await GetAsync(secretariat, "FRA");
        api.Clock.Advance(TimeSpan.FromDays(1));
        var edited = read.DeepClone().AsObject();
        edited["source"] = "the first edit";
        await (await secretariat.PutAsync("/api/v1/states/FRA", Json(edited))).ExpectAsync(HttpStatusCode.OK);

        read["source"] = "a second edit, from the entry as it was";
        var problem = await (await secretariat.PutAsync("/api/v1/states/FRA", Json(read))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["asOf"], problem.Names());
        Assert.Equal("the first edit", (await GetAsync(secretariat, "FRA"))["source"].Str());
    }

    [Fact]
    public async Task A_field_the_entry_does_not_have_is_still_400()
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        var body = await GetAsync(secretariat, "FRA");
        body["capital"] = "Paris";

        var problem = await (await secretariat.PutAsync("/api/v1/states/FRA", Json(body))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("capital", problem.Names());
    }
}
