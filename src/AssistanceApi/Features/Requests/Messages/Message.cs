using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Messages;

/// <summary>A message between the two authorities of a request.</summary>
public sealed class Message
{
    public Guid Id { get; init; }
    public Guid RequestId { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public string FromState { get; init; } = "";
    public MessageKind Kind { get; init; }
    public string? Subject { get; init; }
    public string Text { get; init; } = "";
}
