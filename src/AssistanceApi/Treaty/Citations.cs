using AssistanceApi.Domain;

namespace AssistanceApi.Treaty;

/// <summary>
/// Provisions cited outside the rule set: by the lifecycle table, the bodies of lifecycle actions and drafting. Kept
/// here so neither the lifecycle nor a slice spells an article number.
/// </summary>
public static class Citations
{
    /// <summary>Assistance is asked of another State (Art. 40(1)).</summary>
    public const string OtherState = "uncc-40-1";

    /// <summary>Requests are received, and acknowledged, by a central authority (Art. 40(13)).</summary>
    public const string CentralAuthority = "uncc-40-13";

    /// <summary>A request is made in writing, in a form and language the requested State accepts (Art. 40(14)).</summary>
    public const string Submission = "uncc-40-14";

    /// <summary>A request is executed in accordance with the requested State's domestic law (Art. 40(17)).</summary>
    public const string Execution = "uncc-40-17";

    /// <summary>The grounds on which assistance may be refused (Art. 40(21)).</summary>
    public const string Refusal = "uncc-40-21";

    /// <summary>Timely execution, deadlines and the progress of a request (Art. 40(25)).</summary>
    public const string Progress = "uncc-40-25";

    /// <summary>Consultation before refusal or postponement (Art. 40(27)).</summary>
    public const string Consultation = "uncc-40-27";

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
