using Riok.Mapperly.Abstractions;

namespace AssistanceApi.Features.Requests;

/// <summary>The domain's progress to the response's own types (<c>ProgressShapes.cs</c>), generated member by member by name.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
public static partial class ProgressMapping
{
    public static partial InformationRequest Shown(Domain.InformationRequest asked);

    public static partial Consultation Shown(Domain.Consultation consultation);

    public static partial Refusal Shown(Domain.Refusal refusal);

    public static partial Postponement Shown(Domain.Postponement postponement);

    public static partial Outcome Shown(Domain.Outcome outcome);

    public static partial Withdrawal Shown(Domain.Withdrawal withdrawal);

    public static partial ReleaseNote Shown(Domain.ReleaseNote release);
}
