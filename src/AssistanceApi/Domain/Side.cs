namespace AssistanceApi.Domain;

/// <summary>Which side of the exchange takes an action; <see cref="Neither"/>: no State, the passing of time (expiry).</summary>
public enum Side { Requesting, Requested, Either, Neither }
