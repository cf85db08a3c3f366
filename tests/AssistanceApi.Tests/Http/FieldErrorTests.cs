using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using AssistanceApi.Http;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.Http;

/// <summary>
/// A body that does not bind is told field by field: its own code for a wrong type, an unknown field, an unknown
/// enum value and a malformed date, and a reason naming the field, what it takes and what arrived. Nothing is written.
/// </summary>
public sealed class FieldErrorTests(SharedApi api) : IClassFixture<SharedApi>
{
    // The list a reason gives is whole: its last name, then the full stop, are in it.
    private static readonly string LastEventType = AssistanceApi.Domain.Events.EventTypes.All[^1].Name;

    private const string Requests = "/api/v1/requests";

    public static TheoryData<string, string, string, string[]> RequestBodies() => new()
    {
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","urgent":"yes"}""", "wrong-type", "urgent", ["true or false", "\"yes\""] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"article":"seven"}]}""", "wrong-type", "offences[0].article", ["whole number", "\"seven\""] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","facts":42}""", "wrong-type", "facts", ["a string", "42"] },
        // A number too large for its field is a number all the same: said so, not "must be a number".
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"maxPenaltyYears":1e308}]}""", "out-of-range", "offences[0].maxPenaltyYears", ["a number from", "79228162514264337593543950335", "1e308"] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"article":3000000000}]}""", "out-of-range", "offences[0].article", ["2147483647", "3000000000"] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"article":7.5}]}""", "wrong-type", "offences[0].article", ["whole number", "7.5"] },
        // In range but not written as a whole number: the wrong kind, not too large (it said out-of-range).
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"article":7.0}]}""", "wrong-type", "offences[0].article", ["whole number", "7.0"] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"article":7e0}]}""", "wrong-type", "offences[0].article", ["whole number", "7e0"] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","requestingAuthority":{"nmae":"x"}}""", "unknown-field", "requestingAuthority.nmae", ["\"nmae\"", "name, functions"] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","colour":"blue"}""", "unknown-field", "colour", ["\"colour\"", "kind, requestedState"] },
        { """{"kind":"mla","requestedState":"DEU"}""", "unknown-enum-value", "kind", ["mutual-legal-assistance, expedited-preservation, traffic-data-disclosure", "\"mla\""] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","persons":[{"name":"A","role":"bystander"}]}""", "unknown-enum-value", "persons[0].role", ["suspect", "witness", "\"bystander\""] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","deadline":"2026-13-01"}""", "malformed-date", "deadline", ["YYYY-MM-DD", "\"2026-13-01\""] },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","deadline":"1 March 2027"}""", "malformed-date", "deadline", ["YYYY-MM-DD", "\"1 March 2027\""] },
    };

    [Theory]
    [MemberData(nameof(RequestBodies))]
    public async Task A_create_request_body_that_does_not_bind_names_field_expectation_and_arrival(string body, string code, string name, string[] said)
    {
        var key = api.As(DemoKeys.Fra);

        var problem = await (await key.PostRawAsync(Requests, body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        AssertError(problem, code, name, said);
        Assert.Empty(await key.ListIdsAsync());
    }

    [Theory]
    [MemberData(nameof(RequestBodies))]
    public async Task The_validation_of_an_unsaved_body_says_the_same(string body, string code, string name, string[] said)
    {
        var problem = await (await api.As(DemoKeys.Fra).PostRawAsync($"{Requests}/validation", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        AssertError(problem, code, name, said);
    }

    public static TheoryData<string, string, string, string[]> WebhookBodies() => new()
    {
        { """{"url":42}""", "wrong-type", "url", ["a string", "42"] },
        { """{"url":"https://hooks.example.org/x","types":"request.submitted"}""", "wrong-type", "types", ["a list", "\"request.submitted\""] },
        { """{"url":"https://hooks.example.org/x","secret":"whsec_mine"}""", "unknown-field", "secret", ["\"secret\"", "url, types, description"] },
        // Event types are names, not a C# enum: their rule keeps its code and says the same three things.
        { """{"url":"https://hooks.example.org/x","types":["request.teleported"]}""", "unknown-event-type", "types[0]", ["\"request.teleported\"", "request.submitted", LastEventType + "."] },
    };

    [Theory]
    [MemberData(nameof(WebhookBodies))]
    public async Task A_create_webhook_body_that_does_not_bind_names_field_expectation_and_arrival(string body, string code, string name, string[] said)
    {
        var key = api.As(DemoKeys.Deu);

        var problem = await (await key.PostRawAsync(WebhooksUrl, body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        AssertError(problem, code, name, said);
        var list = await (await key.GetAsync($"{WebhooksUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task A_long_unknown_field_name_is_cut_before_a_surrogate_pair_not_inside_it()
    {
        var name = new string('a', ValidationProblems.MaxTextLength - 1) + "\U0001F600";
        var body = new JsonObject { ["kind"] = "mutual-legal-assistance", ["requestedState"] = "DEU", [name] = 1 };

        var text = await (await api.As(DemoKeys.Fra).PostJsonAsync($"{Requests}/validation", body)).ExpectProblemTextAsync(HttpStatusCode.BadRequest, "a long unknown field");

        Assert.DoesNotContain("\\uFFFD", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(new string('a', ValidationProblems.MaxTextLength - 1) + "…", JsonNode.Parse(text)!["errors"]![0]!["name"].Str());
    }

    [Fact]
    public async Task A_malformed_date_in_an_action_body_is_malformed_date()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(new JsonObject { ["kind"] = "expedited-preservation", ["requestedState"] = "DEU" });

        var problem = await (await fra.PostRawAsync($"{Requests}/{id}/extend", """{"preservedUntil":"2027-02-30"}"""))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        AssertError(problem, "malformed-date", "preservedUntil", ["YYYY-MM-DD", "\"2027-02-30\""]);
    }

    [Fact]
    public async Task A_wrong_type_in_a_merge_patch_is_told_the_same_way()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(new JsonObject { ["kind"] = "mutual-legal-assistance", ["requestedState"] = "DEU" });

        var problem = await (await fra.PatchJsonAsync($"{Requests}/{id}", new JsonObject { ["measures"] = new JsonArray("teleportation") }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        AssertError(problem, "unknown-enum-value", "measures[0]", ["taking-evidence", "\"teleportation\""]);
        Assert.Equal(1, (await fra.ReadRequestAsync(id)).Version());
    }

    private static void AssertError(JsonObject problem, string code, string name, string[] said)
    {
        var errors = problem["errors"]!.AsArray();
        var error = Assert.Single(errors)!;
        Assert.Equal(code, error["code"].Str());
        Assert.Equal(name, error["name"].Str());
        var reason = error["reason"].Str();
        foreach (var text in said) Assert.Contains(text, reason);
        Assert.DoesNotContain("System.", reason);
        Assert.DoesNotContain("AssistanceApi", reason);
    }
}
