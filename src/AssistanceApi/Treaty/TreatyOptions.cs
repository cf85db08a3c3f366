namespace AssistanceApi.Treaty;

/// <summary>Operational numbers the treaty leaves to practice; each overridable under <c>Treaty:</c>.</summary>
public sealed class TreatyOptions
{
    /// <summary>Art. 40(27): how long a consultation may stay unanswered before refusal or postponement.</summary>
    public int ConsultationTimeoutDays { get; init; } = 30;

    /// <summary>Art. 42(7): preservation for not less than sixty days (modelled on Budapest 29(7); unverified in the UNCC text).</summary>
    public int PreservationMinimumDays { get; init; } = 60;

    /// <summary>How long the requested State has to acknowledge receipt; no treaty number, an operational target.</summary>
    public TimeSpan AcknowledgeWithin { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The same for emergencies (Art. 2(o)) and the expedited channels of Arts. 42–43, where data is volatile.</summary>
    public TimeSpan ExpeditedAcknowledgeWithin { get; init; } = TimeSpan.FromHours(24);
}
