using AssistanceApi.Auth;

namespace AssistanceApi.Features.Requests;

/// <summary>Who takes a lifecycle action on which request, at which version (If-Match).</summary>
public sealed record ActionTarget(Caller Caller, Guid Id, long? ExpectedVersion);
