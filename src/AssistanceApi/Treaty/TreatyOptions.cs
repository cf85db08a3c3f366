namespace AssistanceApi.Treaty;

/// <summary>Operational numbers the treaty leaves to practice; each overridable under <c>Treaty:</c>.</summary>
public sealed class TreatyOptions
{
    /// <summary>Art. 40(27): how long a consultation may stay unanswered before refusal or postponement.</summary>
    public int ConsultationTimeoutDays { get; init; } = 30;

    public static TreatyOptions From(IConfiguration config) => new()
    {
        ConsultationTimeoutDays = config.GetValue("Treaty:ConsultationTimeoutDays", 30),
    };
}
