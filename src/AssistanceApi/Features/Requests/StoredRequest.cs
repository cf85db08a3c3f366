using AssistanceApi.Auth;
using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// A request loaded by <see cref="RequestStore"/> for one action: the row as stored, the aggregate (its content read from
/// the stored document as the domain's details, never as the wire body), and
/// who acts when (<see cref="Context"/>: the caller's side at the unit's time).
/// </summary>
public sealed record StoredRequest(RequestRecord Row, Request Request, Caller Caller, ActionContext Context);
