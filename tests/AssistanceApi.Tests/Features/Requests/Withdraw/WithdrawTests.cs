using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Withdraw;

/// <summary>A withdrawal gives its reason.</summary>
public sealed class WithdrawTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reason":""}""")]
    [InlineData("""{"reason":"   "}""")]
    public async Task Withdrawing_without_a_reason_is_400(string body)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var problem = await c.RejectedAsync(c.Fra, "withdraw", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.Names());
    }
}
