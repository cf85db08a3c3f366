using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>Expedited preservations brought to "preserved" through the API.</summary>
public static class Preservations
{
    /// <summary>A preservation FRA → DEU (or as the exchange's keys say), submitted, acknowledged and preserved until the day.</summary>
    public static async Task<Exchange> PreservedAsync(ApiFactory api, string until = "2027-01-26",
        string requestingKey = DemoKeys.Fra, string requestedKey = DemoKeys.Deu, JsonObject? body = null)
    {
        var x = await new Exchange(api, requestingKey, requestedKey).SubmittedAsync(body ?? Bodies.CompletePreservation());
        await x.ActAsync(x.Requested, "acknowledge");
        var preserved = await x.ActAsync(x.Requested, "preserve", BodyParts.Until(until));
        Assert.Equal("preserved", preserved["status"].Str());
        return x;
    }

    /// <summary>A preservation submitted by one client, acknowledged and preserved until the day by the other; its id.</summary>
    public static async Task<string> PreservedIdAsync(HttpClient requesting, HttpClient requested, string until, JsonObject? body = null)
    {
        var id = await requesting.SubmitNewAsync(body ?? Bodies.CompletePreservation());
        await requested.ActAsync(id, "acknowledge");
        Assert.Equal("preserved", (await requested.ActAsync(id, "preserve", BodyParts.Until(until)))["status"].Str());
        return id;
    }
}
