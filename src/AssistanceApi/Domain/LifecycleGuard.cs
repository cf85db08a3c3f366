using AssistanceApi.Treaty;

namespace AssistanceApi.Domain;

/// <summary>What a guard may look at besides the status: the request's progress, the time, and when a preservation ends.</summary>
public sealed record GuardContext(RequestProgress Progress, DateTimeOffset Now, TreatyOptions Options, DateTimeOffset? PreservedUntil = null);

/// <summary>A condition of a lifecycle action beyond the status, with the provision that imposes it.</summary>
public sealed record LifecycleGuard(string ProvisionId, string Explanation, Func<GuardContext, bool> Passes);
