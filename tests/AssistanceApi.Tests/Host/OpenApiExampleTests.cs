using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// The document's examples work as documented: each operation's example body, read from the served document, is sent
/// where the call makes sense (a request in the status the action needs, the side that may take it) and succeeds;
/// and the create example, then the patch example under If-Match, gives a request that submits cleanly.
/// </summary>
public sealed class OpenApiExampleTests(DocumentHosts hosts) : IClassFixture<DocumentHosts>
{
    private readonly DocumentHost _api = hosts[DocumentHosts.FileSystem];

    /// <summary>How each operation with a JSON body is called with its example; a new one fails the coverage test until it is here.</summary>
    private static readonly Dictionary<string, Func<Context, JsonNode, Task<HttpResponseMessage>>> Calls = new()
    {
        ["RequestsCreate"] = (c, example) => c.Fra.PostJsonAsync("/api/v1/requests", example),
        ["RequestsValidate"] = (c, example) => c.Fra.PostJsonAsync("/api/v1/requests/validation", example),
        ["RequestsUpdate"] = async (c, example) =>
        {
            var created = await c.Fra.PostJsonAsync("/api/v1/requests", await c.ExampleAsync("RequestsCreate"));
            var id = (await created.ExpectAsync(HttpStatusCode.Created))["id"].Str();
            return await c.Fra.PatchJsonAsync($"/api/v1/requests/{id}", example, created.ETag());
        },
        ["RequestsWithdraw"] = (c, example) => c.ActAsync("submitted", "withdraw", example),
        ["RequestsAcknowledge"] = (c, example) => c.ActAsync("submitted", "acknowledge", example),
        ["RequestsRequestInformation"] = (c, example) => c.ActAsync("acknowledged", "request-information", example),
        ["RequestsProvideInformation"] = (c, example) => c.ActAsync("information-requested", "provide-information", example),
        ["RequestsConsult"] = (c, example) => c.ActAsync("acknowledged", "consult", example),
        ["RequestsAcceptConditions"] = (c, example) => c.ActAsync("consultation", "accept-conditions", example),
        ["RequestsDeclineConditions"] = (c, example) => c.ActAsync("consultation", "decline-conditions", example),
        ["RequestsRefuse"] = (c, example) => c.ActAsync("consultation-declined", "refuse", example),
        ["RequestsPostpone"] = (c, example) => c.ActAsync("consultation-declined", "postpone", example),
        ["RequestsComplete"] = (c, example) => c.CompleteAsync(example),
        ["RequestsPreserve"] = async (c, example) =>
        {
            var id = await c.Fra.SubmitNewAsync(Bodies.CompletePreservation());
            await c.Deu.ActAsync(id, "acknowledge");
            return await c.Deu.TryActAsync(id, "preserve", example);
        },
        ["RequestsExtend"] = async (c, example) =>
            await c.Fra.TryActAsync(await Preservations.PreservedIdAsync(c.Fra, c.Deu, "2027-01-26"), "extend", example),
        ["RequestsRelease"] = async (c, example) =>
            await c.Deu.TryActAsync(await Preservations.PreservedIdAsync(c.Fra, c.Deu, "2027-01-26"), "release", example),
        ["RequestsMessagesSend"] = async (c, example) =>
            await c.Fra.PostJsonAsync(Case.UrlFor(await c.Fra.SubmitNewAsync(Bodies.CompleteMla()), "messages"), example),
        ["DocumentsSupersede"] = async (c, example) =>
        {
            var id = await c.Fra.CreateDraftAsync(Bodies.CompleteMla());
            var document = await (await c.Fra.SendAsync(DocumentCalls.Upload(id, DocumentCalls.UniquePdf()))).ExpectAsync(HttpStatusCode.Created);
            return await c.Fra.PostJsonAsync(DocumentCalls.DocumentsUrl(id, $"/{document["id"].Str()}/supersede"), example);
        },
        ["WebhooksCreate"] = (c, example) => c.Fra.PostJsonAsync("/api/v1/webhooks", example),
        ["ClientsCreate"] = (c, example) => c.Api.As(DemoKeys.FraAdmin).PostJsonAsync("/api/v1/clients", example),
        // Qatar: an entry no other call here relies on, as the update takes effect on the next validation.
        ["StatesUpdate"] = (c, example) => c.Api.As(DemoKeys.Secretariat).PutAsync("/api/v1/states/QAT",
            new StringContent(example.ToJsonString(), System.Text.Encoding.UTF8, "application/json")),
    };

    public static TheoryData<string> OperationsWithJsonBodies => [.. Calls.Keys.Order(StringComparer.Ordinal)];

    [Theory, MemberData(nameof(OperationsWithJsonBodies))]
    public async Task An_operations_example_passes_validation_and_succeeds_where_the_call_makes_sense(string operationId)
    {
        var context = new Context(_api);
        var example = await context.ExampleAsync(operationId);

        var response = await Calls[operationId](context, example);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operationId} with its example: {(int)response.StatusCode} {text}");
    }

    [Fact]
    public async Task Every_operation_with_a_json_body_has_an_example_and_a_call_here()
    {
        var doc = await Context.DocumentAsync(_api);
        var withJsonBodies = Context.Operations(doc).Where(o => Context.JsonBody(o.Operation) is not null).Select(o => o.Operation["operationId"].Str()).ToList();

        Assert.Equal(Calls.Keys.Order(StringComparer.Ordinal), withJsonBodies.Order(StringComparer.Ordinal));
        foreach (var id in withJsonBodies) Assert.NotNull(await new Context(_api).ExampleAsync(id));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_and_its_problem_responses()
    {
        var doc = await Context.DocumentAsync(_api);
        var gaps = new List<string>();
        foreach (var (path, method, operation) in Context.Operations(doc))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>())) gaps.Add($"{name}: no summary");
            if (string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>())) gaps.Add($"{name}: no description");
            var responses = operation["responses"]!.AsObject();
            var problems = responses.Where(r => r.Key.StartsWith('4')).ToList();
            if (problems.Count == 0) gaps.Add($"{name}: no 4xx response");
            if (operation["security"] is not null && !responses.ContainsKey("401")) gaps.Add($"{name}: no 401");
            if (path.Contains('{') && !responses.ContainsKey("404")) gaps.Add($"{name}: no 404");
            foreach (var (status, response) in problems)
            {
                if (response!["content"]?["application/problem+json"] is null) gaps.Add($"{name}: {status} is not application/problem+json");
                if (string.IsNullOrWhiteSpace(response["description"]?.GetValue<string>())) gaps.Add($"{name}: {status} has no description");
            }
        }
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public async Task The_create_example_then_the_patch_example_submits_cleanly()
    {
        var context = new Context(_api);
        var create = await context.ExampleAsync("RequestsCreate");
        var patch = await context.ExampleAsync("RequestsUpdate", "application/merge-patch+json");

        var created = await context.Fra.PostJsonAsync("/api/v1/requests", create);
        var id = (await created.ExpectAsync(HttpStatusCode.Created))["id"].Str();
        await (await context.Fra.PatchJsonAsync($"/api/v1/requests/{id}", patch, created.ETag())).ExpectAsync(HttpStatusCode.OK);
        var submitted = await (await context.Fra.SubmitAsync(id)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("submitted", submitted["status"].Str());
    }

    [Fact]
    public async Task The_complete_example_names_a_document_the_request_must_have()
    {
        var c = await Case.AtAsync(_api, "in-execution");
        var example = await new Context(_api).ExampleAsync("RequestsComplete");

        var problem = await c.RejectedAsync(c.Deu, "complete", example, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("/problems/unknown-document", problem["type"].Str());
    }

    /// <summary>The host, its demo clients and the served document.</summary>
    private sealed class Context(ApiFactory api)
    {
        public ApiFactory Api { get; } = api;
        public HttpClient Fra { get; } = api.As(DemoKeys.Fra);
        public HttpClient Deu { get; } = api.As(DemoKeys.Deu);

        public static async Task<JsonObject> DocumentAsync(ApiFactory api) =>
            await (await api.As(null).GetAsync("/swagger/v1/swagger.json")).ExpectAsync(HttpStatusCode.OK);

        public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject doc) =>
            from path in doc["paths"]!.AsObject()
            from operation in path.Value!.AsObject()
            where operation.Key is "get" or "put" or "post" or "patch" or "delete"
            select (path.Key, operation.Key, operation.Value!.AsObject());

        /// <summary>The operation's JSON body, if it takes one (a document upload takes the file, whatever its type).</summary>
        public static JsonObject? JsonBody(JsonObject operation, string mediaType = "application/json") =>
            operation["requestBody"]?["content"]?[mediaType] is JsonObject media && media["schema"]?["format"]?.GetValue<string>() != "binary" ? media : null;

        /// <summary>The operation's example, as Swagger UI's "Try it out" offers it.</summary>
        public async Task<JsonNode> ExampleAsync(string operationId, string mediaType = "application/json")
        {
            var operation = Operations(await DocumentAsync(Api)).Single(o => o.Operation["operationId"].Str() == operationId).Operation;
            var example = JsonBody(operation, mediaType)?["example"];
            Assert.True(example is not null, $"{operationId} has no example for {mediaType}");
            return example.DeepClone();
        }

        /// <summary>A new request brought to the position, then the action taken by the side that may take it.</summary>
        public async Task<HttpResponseMessage> ActAsync(string position, string action, JsonNode example)
        {
            var c = await Case.AtAsync(Api, position);
            return await c.PostAsync(c.Side(LifecycleTable.SideOf(action)), action, example);
        }

        /// <summary>The example's document ids stand for the requested State's evidence: here one uploaded for real.</summary>
        public async Task<HttpResponseMessage> CompleteAsync(JsonNode example)
        {
            var c = await Case.AtAsync(Api, "in-execution");
            var evidence = await (await Deu.SendAsync(DocumentCalls.Upload(c.Id, "time,ip\n2026-03-02T01:00Z,203.0.113.7\n"u8.ToArray(),
                purpose: "evidence", language: null, mediaType: "text/csv", fileName: "logs.csv"))).ExpectAsync(HttpStatusCode.Created);
            var ids = example["evidenceDocumentIds"]!.AsArray();
            Assert.NotEmpty(ids);
            example["evidenceDocumentIds"] = new JsonArray(ids.Select(_ => (JsonNode)evidence["id"].Str()).Take(1).ToArray());
            return await c.PostAsync(Deu, "complete", example);
        }
    }
}
