using AssistanceApi.Domain;

namespace AssistanceApi.Treaty;

/// <summary>How the treaty classifies each measure of Art. 40(3) and Arts. 44–46.</summary>
public static class Measures
{
    /// <summary>Measures that collect evidence in electronic form: the only ones a request resting on serious crime alone may seek (Art. 35(1)(c)).</summary>
    public static readonly IReadOnlySet<Measure> ElectronicEvidence = new HashSet<Measure>
    {
        Measure.StoredDataAccess, Measure.RealTimeTrafficCollection, Measure.ContentInterception,
    };

    /// <summary>Measures that compel: where the requested State requires dual criminality it may decline them (Art. 40(9)).</summary>
    public static readonly IReadOnlySet<Measure> Coercive = new HashSet<Measure>
    {
        Measure.SearchAndSeizure, Measure.Freezing, Measure.StoredDataAccess, Measure.RealTimeTrafficCollection,
        Measure.ContentInterception, Measure.RecoveryOfProceeds, Measure.DetainedPersonTransfer,
    };
}
