using AssistanceApi.Treaty;

namespace AssistanceApi.Host;

/// <summary>Reads the operational numbers of <see cref="TreatyOptions"/> from the <c>Treaty:</c> section; the defaults where unset.</summary>
public static class TreatyConfiguration
{
    public static TreatyOptions ReadTreatyOptions(this IConfiguration config)
    {
        var defaults = new TreatyOptions();
        return new TreatyOptions
        {
            ConsultationTimeoutDays = config.GetValue("Treaty:ConsultationTimeoutDays", defaults.ConsultationTimeoutDays),
            PreservationMinimumDays = config.GetValue("Treaty:PreservationMinimumDays", defaults.PreservationMinimumDays),
            AcknowledgeWithin = TimeSpan.FromHours(config.GetValue("Treaty:AcknowledgeWithinHours", (int)defaults.AcknowledgeWithin.TotalHours)),
            ExpeditedAcknowledgeWithin = TimeSpan.FromHours(config.GetValue("Treaty:ExpeditedAcknowledgeWithinHours", (int)defaults.ExpeditedAcknowledgeWithin.TotalHours)),
        };
    }
}
