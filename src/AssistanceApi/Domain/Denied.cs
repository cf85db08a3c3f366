namespace AssistanceApi.Domain;

/// <summary>The lifecycle table does not let this side take this action now; nothing changes.</summary>
public abstract record Denied(LifecycleAction Action) : Decision;

/// <summary>The action exists only for other kinds of request (e.g. preserve, for expedited preservation).</summary>
public sealed record WrongKind(LifecycleAction Action, IReadOnlyList<string> AllowedActions) : Denied(Action);

/// <summary>The action is the other State's to take.</summary>
public sealed record WrongSide(LifecycleAction Action) : Denied(Action);

/// <summary>The action is not taken from this status.</summary>
public sealed record WrongStatus(LifecycleAction Action, RequestStatus Status, IReadOnlyList<string> AllowedActions) : Denied(Action);

/// <summary>The status is right but the action's guard is not met yet.</summary>
public sealed record GuardNotMet(LifecycleAction Action, LifecycleGuard Guard, IReadOnlyList<string> AllowedActions) : Denied(Action);
