using AssistanceApi.Domain;
using AssistanceApi.Http;

namespace AssistanceApi.Tests.Treaty.Rules;

/// <summary>Rule messages name values with the core's kebab-case; it must be the name a client writes on the wire.</summary>
public sealed class MessageNamesTests
{
    private static void SameAsWire<T>() where T : struct, Enum =>
        Assert.All(Enum.GetValues<T>(), v => Assert.Equal(WireName.Of(v), KebabCase.Of(v)));

    [Fact]
    public void Kebab_case_names_are_the_wire_names()
    {
        SameAsWire<Measure>();
        SameAsWire<RequestKind>();
        SameAsWire<LegalBasis>();
        SameAsWire<DataCategory>();
        SameAsWire<PersonRole>();
        SameAsWire<ProceedingNature>();
        SameAsWire<RequestStatus>();
    }
}
