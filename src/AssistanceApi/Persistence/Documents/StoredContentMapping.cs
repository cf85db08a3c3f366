using AssistanceApi.Domain;
using Riok.Mapperly.Abstractions;

namespace AssistanceApi.Persistence.Documents;

/// <summary>
/// The domain's <see cref="RequestDetails"/> to and from the stored <see cref="RequestContentDocument"/>, generated
/// member by member by name: a member one side lacks fails the build, and the golden stored-document test pins the JSON.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
public static partial class StoredContentMapping
{
    [MapperIgnoreSource(nameof(RequestDetails.EffectiveLegalBasis))] // derived, not content
    public static partial RequestContentDocument ToDocument(RequestDetails details);

    public static partial RequestDetails ToDetails(RequestContentDocument document);
}
