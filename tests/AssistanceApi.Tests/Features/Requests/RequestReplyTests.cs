using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using AssistanceApi.Persistence.Documents;
using AssistanceApi.Tests.Support;
using AssistanceApi.Treaty;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>
/// <see cref="RequestReply"/>, what a change of a request answers with: the request written from its row as the
/// resource serializes, and, read back from a stored answer, that answer as it was sent.
/// </summary>
public sealed class RequestReplyTests
{
    private static readonly JsonSerializerOptions Wire = WireJson.Options;
    private static readonly TreatyOptions Options = new();
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly Caller Fra = new(Guid.NewGuid(), "FRA", ClientRoles.CentralAuthority);

    private static RequestRecord Draft() => new()
    {
        Id = Guid.NewGuid(), RequestingState = "FRA", RequestedState = "DEU", Kind = "mutual-legal-assistance", Status = "draft", Version = 3,
        CreatedAt = Now.AddDays(-1), UpdatedAt = Now,
        Content = StoredContent.Write(new RequestDetails { Kind = RequestKind.MutualLegalAssistance, RequestedState = "DEU", Facts = "Zoë <b>漢字</b> \"q\"\n" }),
    };

    [Fact]
    public void A_reply_from_a_row_is_the_serialized_resource_and_carries_its_version()
    {
        var row = Draft();
        var written = new WrittenRequest(row, Fra, Now, Options);
        var expected = JsonSerializer.Serialize(RequestResource.From(row, Fra, Now, Options), Wire);

        var reply = new RequestReply(written);

        Assert.Equal(expected, JsonSerializer.Serialize(reply, Wire));
        Assert.Equal(3L, reply.Version);
    }

    [Fact]
    public void A_stored_answer_is_replayed_as_the_answer_first_sent_whatever_settings_stored_it()
    {
        var row = Draft();
        var sent = JsonSerializer.Serialize(new RequestReply(new WrittenRequest(row, Fra, Now, Options)), Wire);
        // The behavior stores with the API's default settings, which escape what the endpoints' do not (\u00EB for ë).
        var stored = JsonSerializer.Serialize(new RequestReply(new WrittenRequest(row, Fra, Now, Options)), JsonDefaults.Options);
        Assert.NotEqual(sent, stored);

        var replayed = JsonSerializer.Deserialize<RequestReply>(stored, JsonDefaults.Options)!;

        Assert.Equal(3L, replayed.Version);
        Assert.Equal(sent, JsonSerializer.Serialize(replayed, Wire));
    }

    [Fact]
    public void An_answer_stored_before_replies_were_written_from_the_row_replays_as_it_was_sent()
    {
        var row = Draft();
        var sent = JsonSerializer.Serialize(RequestResource.From(row, Fra, Now, Options), Wire);
        // What the behavior stored for an action until answers were written from the row: the resource itself.
        var stored = JsonSerializer.Serialize(RequestResource.From(row, Fra, Now, Options), JsonDefaults.Options);

        var replayed = JsonSerializer.Deserialize<RequestReply>(stored, JsonDefaults.Options)!;

        Assert.Equal(3L, replayed.Version);
        Assert.Equal(sent, JsonSerializer.Serialize(replayed, Wire));
    }
}
