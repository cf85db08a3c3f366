using AssistanceApi.Domain;
using Riok.Mapperly.Abstractions;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// The wire body (<see cref="RequestContent"/>) to and from the domain's <see cref="RequestDetails"/>, generated member
/// by member by name: a member one side lacks fails the build (Mapperly's diagnostics are errors here), so a rename on
/// one side cannot be dropped silently.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
public static partial class RequestContentMapping
{
    public static partial RequestDetails ToDetails(this RequestContent content);

    /// <summary>Writes the content fields of <paramref name="target"/> (a body, or a response that extends it) from the domain's.</summary>
    [MapperIgnoreSource(nameof(RequestDetails.EffectiveLegalBasis))] // derived, not content
    public static partial void Fill([MappingTarget] RequestContent target, RequestDetails details);
}
