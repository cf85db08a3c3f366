using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>What each action's body must say (contract §4 "body / guard"); a rejected body changes nothing.</summary>
public sealed class BodyRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static JsonObject Confidential()
    {
        var body = Bodies.CompleteMla();
        body["confidential"] = true;
        return body;
    }

    private static async Task<JsonObject> RejectedAsync(Case c, HttpClient client, string action, JsonNode body, HttpStatusCode status)
    {
        var snapshot = await c.SnapshotAsync();
        var problem = await (await c.PostAsync(client, action, body)).ExpectProblemAsync(status);
        await c.AssertUnchangedAsync(snapshot);
        return problem;
    }

    // ---- acknowledge and confidentiality (Art. 40(20)) ----

    [Fact]
    public async Task Acknowledging_a_confidential_request_without_an_answer_on_confidentiality_is_422()
    {
        var c = await Case.AtAsync(api, "submitted", Confidential());

        var problem = await RejectedAsync(c, c.Deu, "acknowledge", new JsonObject { ["requestedReference"] = "BfJ-1" }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("/problems/uncc-40-20", problem["type"].Str());
        Assert.Equal(["uncc-40-20"], problem.Codes());
        Assert.Equal(["confidentiality"], problem.Names());
        Assert.StartsWith("UNCC Art. 40(20): ", problem["errors"]![0]!["reason"].Str());
    }

    [Theory]
    [InlineData("can-comply")]
    [InlineData("cannot-comply")]
    public async Task Acknowledging_a_confidential_request_with_an_answer_shows_it_to_the_requesting_State(string answer)
    {
        var c = await Case.AtAsync(api, "submitted", Confidential());

        var acknowledged = await c.ActAsync(c.Deu, "acknowledge", new JsonObject { ["confidentiality"] = answer });

        Assert.Equal("acknowledged", acknowledged["status"].Str());
        Assert.Equal(answer, (await c.GetAsync(c.Fra))["confidentiality"].Str());
        Assert.Equal(answer, (await c.HistoryAsync())["events"]!.AsArray()[^1]!["details"]!["confidentiality"].Str());
    }

    [Fact]
    public async Task An_answer_on_confidentiality_for_a_request_that_did_not_ask_for_it_is_400()
    {
        var c = await Case.AtAsync(api, "submitted");
        var problem = await RejectedAsync(c, c.Deu, "acknowledge", new JsonObject { ["confidentiality"] = "can-comply" }, HttpStatusCode.BadRequest);
        Assert.Contains("confidentiality", problem.Names());
    }

    [Fact]
    public async Task An_unknown_confidentiality_answer_is_400()
    {
        var c = await Case.AtAsync(api, "submitted", Confidential());
        await RejectedAsync(c, c.Deu, "acknowledge", new JsonObject { ["confidentiality"] = "maybe" }, HttpStatusCode.BadRequest);
    }

    // ---- request-information (Art. 40(16)) ----

    [Theory]
    [InlineData("{\"questions\":[]}")]
    [InlineData("{}")]
    public async Task Asking_for_information_without_questions_is_422(string body)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var problem = await RejectedAsync(c, c.Deu, "request-information", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/problems/uncc-40-16", problem["type"].Str());
        Assert.Equal(["uncc-40-16"], problem.Codes());
    }

    [Fact]
    public async Task The_answers_are_kept_with_their_questions()
    {
        var c = await Case.AtAsync(api, "in-execution");
        await c.ActAsync(c.Deu, "request-information", new JsonObject { ["questions"] = new JsonArray("Which mailbox?", "Which period?") });
        var answered = await c.ActAsync(c.Fra, "provide-information", new JsonObject { ["answers"] = new JsonArray("ransom@mail.example.org") });

        Assert.Equal("in-execution", answered["status"].Str());
        var asked = answered["informationRequests"]![0]!;
        Assert.Equal(["Which mailbox?", "Which period?"], asked["questions"].Strings());
        Assert.Equal(["ransom@mail.example.org"], asked["answers"].Strings());
    }

    [Theory]
    [InlineData("{\"answers\":[]}")]
    [InlineData("{}")]
    public async Task Answering_without_answers_is_422(string body)
    {
        var c = await Case.AtAsync(api, "information-requested");
        var problem = await RejectedAsync(c, c.Fra, "provide-information", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["uncc-40-16"], problem.Codes());
    }

    [Theory]
    [InlineData("{\"questions\":[\"\"]}")]
    [InlineData("{\"questions\":\"Which mailbox?\"}")]
    [InlineData("{\"questions\":[1]}")]
    public async Task Ill_formed_questions_are_400(string body)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await RejectedAsync(c, c.Deu, "request-information", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
    }

    // ---- consultation before refusal and postponement (Art. 40(27)) ----

    [Theory]
    [InlineData("refuse")]
    [InlineData("postpone")]
    public async Task Refusing_or_postponing_before_the_consultation_is_answered_is_409(string action)
    {
        var c = await Case.AtAsync(api, "consultation");
        var problem = await RejectedAsync(c, c.Deu, action, ValidBody(action), HttpStatusCode.Conflict);
        Assert.Equal("/problems/uncc-40-27", problem["type"].Str());
        Assert.StartsWith("UNCC Art. 40(27)", problem["detail"].Str());
        Assert.Equal((await c.GetAsync(c.Deu))["allowedActions"].Strings(), problem["allowedActions"].Strings());
        Assert.DoesNotContain(action, problem["allowedActions"].Strings());
    }

    [Theory]
    [InlineData("refuse")]
    [InlineData("postpone")]
    public async Task Refusing_or_postponing_after_the_conditions_were_declined_is_allowed(string action)
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        Assert.Contains(action, (await c.GetAsync(c.Deu))["allowedActions"].Strings());
        var done = await c.ActAsync(c.Deu, action);
        Assert.Equal(action == "refuse" ? "refused" : "postponed", done["status"].Str());
    }

    [Theory]
    [InlineData("refuse", 29, false)]
    [InlineData("refuse", 30, true)]
    [InlineData("postpone", 29, false)]
    [InlineData("postpone", 30, true)]
    public async Task An_unanswered_consultation_allows_refusal_or_postponement_after_30_days(string action, int days, bool allowed)
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "consultation");
        api.Clock.Advance(TimeSpan.FromDays(days));
        await AssertSettledAsync(c, action, allowed);
    }

    [Theory]
    [InlineData("refuse", 4, false)]
    [InlineData("refuse", 5, true)]
    [InlineData("postpone", 4, false)]
    [InlineData("postpone", 5, true)]
    public async Task The_consultation_period_is_configurable(string action, int days, bool allowed)
    {
        await using var api = new ApiFactory();
        api.Settings["Treaty:ConsultationTimeoutDays"] = "5";
        var c = await Case.AtAsync(api, "consultation");
        api.Clock.Advance(TimeSpan.FromDays(days));
        await AssertSettledAsync(c, action, allowed);
    }

    [Fact]
    public async Task The_consultation_period_runs_from_the_consultation_not_from_submission()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "acknowledged");
        api.Clock.Advance(TimeSpan.FromDays(20));
        await c.ActAsync(c.Deu, "consult");
        api.Clock.Advance(TimeSpan.FromDays(10));
        await AssertSettledAsync(c, "refuse", allowed: false);
        api.Clock.Advance(TimeSpan.FromDays(20));
        await AssertSettledAsync(c, "refuse", allowed: true);
    }

    [Theory]
    [InlineData("decline-conditions")]
    [InlineData("accept-conditions")]
    public async Task A_new_consultation_needs_a_new_answer(string firstAnswer)
    {
        var c = await Case.AtAsync(api, "consultation");
        await c.ActAsync(c.Fra, firstAnswer);
        if (firstAnswer == "decline-conditions")
        {
            await c.ActAsync(c.Deu, "postpone");
            await c.ActAsync(c.Deu, "resume");
        }
        Assert.Equal("in-execution", (await c.GetAsync(c.Deu))["status"].Str());

        await c.ActAsync(c.Deu, "consult", new JsonObject { ["intent"] = "refuse", ["proposedConditions"] = new JsonArray() });

        Assert.Empty((await c.GetAsync(c.Deu))["allowedActions"]!.AsArray());
        await AssertSettledAsync(c, "refuse", allowed: false);
        await AssertSettledAsync(c, "postpone", allowed: false);
    }

    private static async Task AssertSettledAsync(Case c, string action, bool allowed)
    {
        Assert.Equal(allowed, (await c.GetAsync(c.Deu))["allowedActions"].Strings().Contains(action));
        if (allowed)
            Assert.Equal(action == "refuse" ? "refused" : "postponed", (await c.ActAsync(c.Deu, action))["status"].Str());
        else
            Assert.Equal("/problems/uncc-40-27", (await RejectedAsync(c, c.Deu, action, ValidBody(action), HttpStatusCode.Conflict))["type"].Str());
    }

    // ---- refusal (Arts. 40(8), 40(9), 40(21)–(24)) ----

    public static TheoryData<string, string, string> BadRefusals => new()
    {
        { """{"grounds":["bank-secrecy"],"reasons":"Banking law."}""", "uncc-40-8", "grounds[0]" },
        { """{"grounds":["fiscal-matters"],"reasons":"A tax offence."}""", "uncc-40-23", "grounds[0]" },
        { """{"grounds":["too-much-work"],"reasons":"Busy."}""", "uncc-40-21", "grounds[0]" },
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

        var problem = await RejectedAsync(c, c.Deu, "refuse", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"/problems/{code}", problem["type"].Str());
        var error = problem["errors"]!.AsArray().Single(e => e!["name"].Str() == name)!;
        Assert.Equal(code, error["code"].Str());
        var article = code["uncc-".Length..].Split('-');
        Assert.StartsWith($"UNCC Art. {article[0]}({article[1]}): ", error["reason"].Str());
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

    // ---- postponement (Art. 40(26)) ----

    [Theory]
    [InlineData("""{"until":"2027-03-01"}""", "reasons")]
    [InlineData("""{"reasons":"","until":"2027-03-01"}""", "reasons")]
    [InlineData("""{"reasons":"A trial.","until":"2026-01-01"}""", "until")]
    [InlineData("""{"reasons":"A trial.","until":"2026-11-27"}""", "until")]
    public async Task A_postponement_without_reasons_or_until_a_past_date_is_422(string body, string name)
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var problem = await RejectedAsync(c, c.Deu, "postpone", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/problems/uncc-40-26", problem["type"].Str());
        Assert.Contains(name, problem.Names());
        Assert.All(problem.Codes(), code => Assert.Equal("uncc-40-26", code));
    }

    [Theory]
    [InlineData("""{"reasons":"A trial.","until":"1 March 2027"}""")]
    [InlineData("""{"reasons":"A trial.","until":"2027-03-01T00:00:00Z"}""")]
    [InlineData("""{"reasons":"A trial.","until":"9999-12-31"}""")]
    public async Task A_postponement_until_something_that_is_not_a_date_is_400(string body)
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var problem = await RejectedAsync(c, c.Deu, "postpone", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains("until", problem.Names());
    }

    [Fact]
    public async Task A_postponement_without_a_date_is_allowed()
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var postponed = await c.ActAsync(c.Deu, "postpone", new JsonObject { ["reasons"] = "A domestic trial is under way." });
        Assert.Equal("postponed", postponed["status"].Str());
        Assert.Null(postponed["postponement"]!["until"]);
    }

    // ---- completion ----

    [Theory]
    [InlineData("""{"outcome":"partially-executed","summary":"Logs sent."}""")]
    [InlineData("""{"outcome":"partially-executed","summary":"Logs sent.","unexecutedReasons":"  "}""")]
    public async Task A_partial_execution_without_reasons_for_the_rest_is_422(string body)
    {
        var c = await Case.AtAsync(api, "in-execution");
        var problem = await RejectedAsync(c, c.Deu, "complete", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/problems/uncc-40-24", problem["type"].Str());
        Assert.Equal(["uncc-40-24"], problem.Codes());
        Assert.Equal(["unexecutedReasons"], problem.Names());
        Assert.StartsWith("UNCC Art. 40(24): ", problem["errors"]![0]!["reason"].Str());
    }

    [Theory]
    [InlineData("""{"summary":"Done."}""", "outcome")]
    [InlineData("""{"outcome":"executed"}""", "summary")]
    [InlineData("""{"outcome":"executed","summary":""}""", "summary")]
    [InlineData("""{"outcome":"done","summary":"Done."}""", "outcome")]
    public async Task A_completion_without_outcome_or_summary_is_400(string body, string name)
    {
        var c = await Case.AtAsync(api, "in-execution");
        var problem = await RejectedAsync(c, c.Deu, "complete", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains(name, problem.Names());
    }

    [Fact]
    public async Task A_completion_records_the_outcome_for_both_sides()
    {
        var c = await Case.AtAsync(api, "in-execution");
        await c.ActAsync(c.Deu, "complete", new JsonObject { ["outcome"] = "partially-executed", ["summary"] = "Logs sent.", ["unexecutedReasons"] = "The witness has died." });

        var seen = await c.GetAsync(c.Fra);
        Assert.Equal("partially-executed", seen["status"].Str());
        Assert.Equal("partially-executed", seen["outcome"]!["result"].Str());
        Assert.Equal("The witness has died.", seen["outcome"]!["unexecutedReasons"].Str());
        Assert.NotNull(seen["closedAt"]);
    }

    // ---- conditions (Art. 40(27)) ----

    [Fact]
    public async Task Accepted_conditions_bind_the_request()
    {
        var c = await Case.AtAsync(api, "in-execution");
        await c.ActAsync(c.Deu, "consult", new JsonObject
        {
            ["intent"] = "postpone", ["proposedConditions"] = new JsonArray("Use only in PNC-2026-42", "Return the originals"), ["reasons"] = "A trial.",
        });
        Assert.Null((await c.GetAsync(c.Fra))["conditions"]);

        var accepted = await c.ActAsync(c.Fra, "accept-conditions", new JsonObject { ["comment"] = "Agreed." });

        Assert.Equal("in-execution", accepted["status"].Str());
        Assert.Equal(["Use only in PNC-2026-42", "Return the originals"], accepted["conditions"].Strings());
        Assert.Equal(["Use only in PNC-2026-42", "Return the originals"], (await c.GetAsync(c.Deu))["conditions"].Strings());
        Assert.Equal("accepted", accepted["consultation"]!["answer"].Str());
    }

    [Fact]
    public async Task Declined_conditions_keep_the_consultation_open_and_open_refusal_to_the_requested_State()
    {
        var c = await Case.AtAsync(api, "consultation");
        var before = await c.GetAsync(c.Fra);

        var declined = await c.ActAsync(c.Fra, "decline-conditions", new JsonObject { ["comment"] = "No." });

        Assert.Equal("consultation", declined["status"].Str());
        Assert.Equal(before.Version() + 1, declined.Version());
        Assert.Equal("declined", declined["consultation"]!["answer"].Str());
        Assert.Equal("No.", declined["consultation"]!["comment"].Str());
        Assert.Null(declined["conditions"]);
        Assert.Equal(Sorted(["refuse", "postpone"]), Sorted((await c.GetAsync(c.Deu))["allowedActions"].Strings()));
        var last = (await c.HistoryAsync())["events"]!.AsArray()[^1]!;
        Assert.Equal(("decline-conditions", "consultation", "consultation"), (last["action"].Str(), last["fromStatus"].Str(), last["toStatus"].Str()));
    }

    [Theory]
    [InlineData("""{"proposedConditions":[]}""", "intent")]
    [InlineData("""{"intent":"refuse"}""", "proposedConditions")]
    [InlineData("""{"intent":"give-up","proposedConditions":[]}""", "intent")]
    public async Task A_consultation_needs_an_intent_and_its_conditions(string body, string name)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var problem = await RejectedAsync(c, c.Deu, "consult", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains(name, problem.Names());
    }

    // ---- withdrawal ----

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reason":""}""")]
    [InlineData("""{"reason":"   "}""")]
    public async Task Withdrawing_without_a_reason_is_400(string body)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var problem = await RejectedAsync(c, c.Fra, "withdraw", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.Names());
    }

    [Theory]
    [InlineData("withdraw", "{\"reason\": ")]
    [InlineData("acknowledge", "[]")]
    [InlineData("refuse", "{\"grounds\":[\"essential-interests\"],\"reasons\":\"x\",}")]
    public async Task A_body_that_is_not_the_expected_JSON_is_400(string action, string body)
    {
        var c = await Case.AtAsync(api, action == "refuse" ? "consultation-declined" : "submitted");
        var snapshot = await c.SnapshotAsync();
        await (await c.Side(SideOf(action)).PostRawAsync(c.Url(action), body)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await c.AssertUnchangedAsync(snapshot);
    }

    [Theory]
    [InlineData("withdraw", "text/plain")]
    [InlineData("acknowledge", "application/xml")]
    public async Task A_body_of_another_media_type_is_415(string action, string mediaType)
    {
        var c = await Case.AtAsync(api, "submitted");
        var snapshot = await c.SnapshotAsync();
        await (await c.Side(SideOf(action)).PostRawAsync(c.Url(action), ValidBody(action).ToJsonString(), mediaType))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await c.AssertUnchangedAsync(snapshot);
    }

    [Fact]
    public async Task An_unknown_field_in_an_action_body_is_400()
    {
        var c = await Case.AtAsync(api, "submitted");
        await RejectedAsync(c, c.Deu, "acknowledge", new JsonObject { ["requestedReferense"] = "typo" }, HttpStatusCode.BadRequest);
    }
}
