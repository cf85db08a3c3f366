using AssistanceApi.Treaty;

namespace AssistanceApi.Domain;

/// <summary>
/// What the aggregate answers to an action: the <see cref="RequestChange"/> it makes, or why not — the lifecycle
/// denies it (<see cref="Denied"/>), or what was asked breaks the treaty (<see cref="Rejected"/>,
/// <see cref="NotCompliant"/>) or does not apply to this request (<see cref="NotApplicable"/>).
/// </summary>
public abstract record Decision;

/// <summary>A provision an action's input does not meet: the field, and what the provision asks (not yet cited).</summary>
public sealed record ProvisionBreach(string ProvisionId, string Field, string Message);

/// <summary>
/// The action's input breaks the treaty; nothing changes. <see cref="Detail"/> null: the first breach says it all.
/// </summary>
public sealed record Rejected(string? Detail, IReadOnlyList<ProvisionBreach> Breaches) : Decision
{
    public static Rejected One(string provisionId, string field, string message, string? detail = null) =>
        new(detail, [new ProvisionBreach(provisionId, field, message)]);
}

/// <summary>Submission found the request wanting: the treaty rules' errors, each already citing its provision.</summary>
public sealed record NotCompliant(IReadOnlyList<Finding> Errors) : Decision;

/// <summary>The input says something this request has no place for (an answer to a question it did not ask).</summary>
public sealed record NotApplicable(string Field, string Detail, string Reason) : Decision;
