using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Refuse;

/// <summary>A refusal rests on grounds of the closed list, each with its provision, and gives reasons (Arts. 40(8), 40(9), 40(21)–(24)).</summary>
public sealed class RefuseTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<string, string, string> BadRefusals => new()
    {
        { """{"grounds":["bank-secrecy"],"reasons":"Banking law."}""", "uncc-40-8", "grounds[0]" },
        { """{"grounds":["fiscal-matters"],"reasons":"A tax offence."}""", "uncc-40-23", "grounds[0]" },
        { """{"grounds":[],"reasons":"No reason given."}""", "uncc-40-21", "grounds" },
        { """{"reasons":"No grounds given."}""", "uncc-40-21", "grounds" },
        { """{"grounds":["essential-interests"],"reasons":""}""", "uncc-40-24", "reasons" },
        { """{"grounds":["essential-interests"]}""", "uncc-40-24", "reasons" },
        { """{"grounds":["essential-interests","bank-secrecy"],"reasons":"Both."}""", "uncc-40-8", "grounds[1]" },
    };

    [Theory]
    [MemberData(nameof(BadRefusals))]
    public async Task A_refusal_on_a_ground_outside_the_closed_list_or_without_reasons_is_422(string body, string code, string name)
    {
        var c = await Case.AtAsync(api, "consultation-declined");

        var problem = await c.RejectedAsync(c.Deu, "refuse", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"/problems/{code}", problem["type"].Str());
        var error = problem["errors"]!.AsArray().Single(e => e!["name"].Str() == name)!;
        Assert.Equal(code, error["code"].Str());
        var article = code["uncc-".Length..].Split('-');
        Assert.StartsWith($"UNCC Art. {article[0]}({article[1]}): ", error["reason"].Str());
    }

    /// <summary>
    /// A name outside the treaty's list of grounds is a misspelling, refused as an unknown enum value before the treaty is
    /// asked; the answer lists every name a refusal may give, the forbidden ones included (they are the treaty's 422).
    /// </summary>
    [Theory]
    [InlineData("too-much-work", 0)]
    [InlineData("Essential-interests", 0)]
    [InlineData("", 1)]
    public async Task A_ground_the_treaty_does_not_name_is_400_unknown_enum_value(string ground, int index)
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var grounds = index == 0 ? new JsonArray(ground) : new JsonArray("essential-interests", ground);

        var problem = await c.RejectedAsync(c.Deu, "refuse", new JsonObject { ["grounds"] = grounds, ["reasons"] = "Stated." }, HttpStatusCode.BadRequest);

        var error = problem["errors"]!.AsArray().Single()!;
        Assert.Equal(("unknown-enum-value", $"grounds[{index}]"), (error["code"].Str(), error["name"].Str()));
        Assert.Equal($"grounds[{index}] must be one of not-in-conformity, essential-interests, domestic-law-prohibits, contrary-to-legal-system, " +
                     $"discrimination-risk, no-dual-criminality, bank-secrecy, fiscal-matters; \"{ground}\" arrived.", error["reason"].Str());
    }

    [Fact]
    public async Task A_ground_named_twice_is_400_duplicate()
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var body = new JsonObject { ["grounds"] = new JsonArray("essential-interests", "essential-interests"), ["reasons"] = "Twice." };

        var problem = await c.RejectedAsync(c.Deu, "refuse", body, HttpStatusCode.BadRequest);

        Assert.Equal(["duplicate"], problem.Codes());
        Assert.Equal("grounds", problem["errors"]![0]!["name"].Str());
    }

    public static TheoryData<string, string> AllowedGrounds => new()
    {
        { "not-in-conformity", "uncc-40-21-a" },
        { "essential-interests", "uncc-40-21-b" },
        { "domestic-law-prohibits", "uncc-40-21-c" },
        { "contrary-to-legal-system", "uncc-40-21-d" },
        { "discrimination-risk", "uncc-40-22" },
        { "no-dual-criminality", "uncc-40-9" },
    };

    [Theory]
    [MemberData(nameof(AllowedGrounds))]
    public async Task Each_ground_of_the_closed_list_is_accepted_with_its_provision(string ground, string provision)
    {
        var c = await Case.AtAsync(api, "consultation-declined");

        var refused = await c.ActAsync(c.Deu, "refuse", new JsonObject { ["grounds"] = new JsonArray(ground), ["reasons"] = "Stated at length." });

        Assert.Equal("refused", refused["status"].Str());
        Assert.Equal(ground, refused["refusal"]!["grounds"]![0]!["ground"].Str());
        Assert.Equal(provision, refused["refusal"]!["grounds"]![0]!["provision"].Str());
        Assert.Equal("Stated at length.", (await c.GetAsync(c.Fra))["refusal"]!["reasons"].Str());
        await (await c.Fra.GetAsync($"/api/v1/provisions/{provision}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Several_grounds_are_kept_in_order()
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var grounds = AllowedGrounds.Select(row => (string)row[0]).ToArray();

        var refused = await c.ActAsync(c.Deu, "refuse", new JsonObject
        {
            ["grounds"] = new JsonArray(grounds.Select(g => (JsonNode)JsonValue.Create(g)!).ToArray()),
            ["reasons"] = "All of them.",
        });

        Assert.Equal(grounds, refused["refusal"]!["grounds"]!.AsArray().Select(g => g!["ground"].Str()).ToArray());
        Assert.Equal(AllowedGrounds.Select(row => (string)row[1]).ToArray(),
            refused["refusal"]!["grounds"]!.AsArray().Select(g => g!["provision"].Str()).ToArray());
    }
}
