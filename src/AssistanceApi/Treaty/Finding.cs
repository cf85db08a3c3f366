namespace AssistanceApi.Treaty;

public enum Severity { Error, Warning }

/// <summary>
/// One result of checking a request against a rule: <c>code</c> is the provision id it enforces, <c>basis</c> what
/// the rule rests on.
/// </summary>
public sealed record Finding(Severity Severity, string Code, string Name, string Reason, RuleBasis Basis);
