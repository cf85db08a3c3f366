namespace AssistanceApi.Treaty;

/// <summary>
/// What a rule rests on: an obligation the treaty imposes, or a choice of this API that serves a provision (asking
/// for a 24/7 point of contact before a preservation request goes out, reasons with every deadline).
/// </summary>
public enum BasisKind { Treaty, Design }

/// <summary>The basis of a finding: its kind, the provision, and whether the catalogue has checked that numbering against the official text.</summary>
public sealed record RuleBasis(BasisKind Kind, string Provision, bool Verified);
