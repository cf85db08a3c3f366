using AssistanceApi.Client;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.ClientTests;

/// <summary>The generated client for one demo key: the test kit's HttpClient brings the base address and X-Api-Key.</summary>
public static class Clients
{
    public static AssistanceClient For(SharedApi api, string apiKey) => new(api.As(apiKey));

    /// <summary>The entity tag an answer carried, to send back as If-Match.</summary>
    public static string ETag<T>(this SwaggerResponse<T> response) => Assert.Single(response.Headers["ETag"]);

    /// <summary>The typed problem of a refused call, after checking its status.</summary>
    public static async Task<Problem> ProblemAsync(int status, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<ApiException<Problem>>(call);
        Assert.Equal(status, refused.StatusCode);
        Assert.Equal(status, refused.Result.Status);
        return refused.Result;
    }
}
