using AssistanceApi.Domain;

namespace AssistanceApi.Treaty;

/// <summary>
/// Provisions cited outside the rule set: by the bodies of lifecycle actions and by drafting. Kept here so no
/// slice spells an article number.
/// </summary>
public static class Citations
{
    /// <summary>Assistance is asked of another State (Art. 40(1)).</summary>
    public const string OtherState = "uncc-40-1";

    /// <summary>The requested State's answer to a request for confidentiality (Art. 40(20)).</summary>
    public const string Confidentiality = "uncc-40-20";

    /// <summary>Additional information asked for and given (Art. 40(16)).</summary>
    public const string AdditionalInformation = "uncc-40-16";

    /// <summary>Postponement for an ongoing proceeding (Art. 40(26)).</summary>
    public const string Postponement = "uncc-40-26";

    /// <summary>The 24/7 network, whose points of contact handle the expedited channels only (Art. 41(1)).</summary>
    public const string ContactPoints = "uncc-41-1";

    /// <summary>The period of preservation (Art. 42(7)).</summary>
    public const string PreservationPeriod = "uncc-42-7";
}
