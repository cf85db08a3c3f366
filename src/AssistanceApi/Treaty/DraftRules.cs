using AssistanceApi.Domain;

namespace AssistanceApi.Treaty;

/// <summary>Who may draft a request to whom: decided before any rule of submission runs, at every write of a draft.</summary>
public static class DraftRules
{
    /// <summary>The 24/7 points of contact handle the expedited channels of Arts. 42–43 only (Art. 41(1)); central authorities every kind.</summary>
    public static bool ContactPointHandles(RequestKind kind) => Visibility.KindsHandledBy(Office.ContactPoint).Contains(kind);

    /// <summary>A 24/7 point of contact drafting a kind it does not handle; null when it may.</summary>
    public static Finding? OutsideContactPointChannel(RequestKind kind, ProvisionCatalogue catalogue) =>
        ContactPointHandles(kind)
            ? null
            : Breach(catalogue, Citations.ContactPoints, "kind",
                "a 24/7 point of contact may draft only expedited-preservation and traffic-data-disclosure requests.");

    /// <summary>What a request to the requesting State itself breaks (Art. 40(1)): the field, and why.</summary>
    public const string OwnStateField = "requestedState";
    public const string OwnStateMessage = "the requested State must be another State than the requesting State.";

    /// <summary>Assistance is asked of another State (Art. 40(1)): a request to oneself is no request. Null when it is another.</summary>
    public static Finding? ToOwnState(string requestingState, string? requestedState, ProvisionCatalogue catalogue) =>
        requestedState == requestingState
            ? Breach(catalogue, Citations.OtherState, OwnStateField, OwnStateMessage)
            : null;

    private static Finding Breach(ProvisionCatalogue catalogue, string provisionId, string name, string message) =>
        new(Severity.Error, provisionId, name, catalogue.Reason(provisionId, message),
            new RuleBasis(BasisKind.Treaty, provisionId, catalogue[provisionId].Verified));
}
