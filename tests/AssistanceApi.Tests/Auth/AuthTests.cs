using System.Net;
using System.Text;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Auth;

public sealed class AuthTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string SomeId = "019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192";

    public static TheoryData<string, string> AllEndpoints => new()
    {
        { "GET", "/api/v1/states" },
        { "GET", "/api/v1/states/FRA" },
        { "GET", "/api/v1/provisions" },
        { "GET", "/api/v1/provisions/uncc-40-15-c" },
        { "GET", "/api/v1/offences" },
        { "POST", "/api/v1/requests" },
        { "GET", "/api/v1/requests" },
        { "GET", $"/api/v1/requests/{SomeId}" },
        { "PATCH", $"/api/v1/requests/{SomeId}" },
        { "DELETE", $"/api/v1/requests/{SomeId}" },
        { "POST", "/api/v1/requests/validation" },
        { "POST", $"/api/v1/requests/{SomeId}/validation" },
        { "POST", $"/api/v1/requests/{SomeId}/submit" },
    };

    public static TheoryData<string, string> RequestEndpoints => new()
    {
        { "POST", "/api/v1/requests" },
        { "GET", "/api/v1/requests" },
        { "GET", $"/api/v1/requests/{SomeId}" },
        { "PATCH", $"/api/v1/requests/{SomeId}" },
        { "DELETE", $"/api/v1/requests/{SomeId}" },
        { "POST", "/api/v1/requests/validation" },
        { "POST", $"/api/v1/requests/{SomeId}/validation" },
        { "POST", $"/api/v1/requests/{SomeId}/submit" },
    };

    private static HttpRequestMessage Message(string method, string url)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PATCH")
            message.Content = new StringContent(Bodies.MinimalDraft().ToJsonString(), Encoding.UTF8,
                method == "PATCH" ? "application/merge-patch+json" : "application/json");
        return message;
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Without_a_key_every_endpoint_is_a_401_problem(string method, string url)
    {
        await (await api.As(null).SendAsync(Message(method, url))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task With_an_unknown_key_every_endpoint_is_a_401_problem(string method, string url)
    {
        await (await api.As("demo-fra-ca-wrong").SendAsync(Message(method, url))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("DEMO-FRA-CA")]
    public async Task Empty_blank_or_miscased_keys_are_a_401(string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        await (await client.GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_overlong_key_is_a_401()
    {
        await (await api.As(new string('k', 600)).GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RequestEndpoints))]
    public async Task The_secretariat_key_is_a_403_problem_on_request_endpoints(string method, string url)
    {
        await (await api.As(DemoKeys.Secretariat).SendAsync(Message(method, url))).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_secretariat_may_read_the_directory()
    {
        var page = await (await api.As(DemoKeys.Secretariat).GetAsync("/api/v1/states?party=true")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(6, page["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_200_without_a_key(string url)
    {
        var response = await api.As(null).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
