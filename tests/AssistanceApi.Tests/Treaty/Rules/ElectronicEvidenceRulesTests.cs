using AssistanceApi.Domain;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class ElectronicEvidenceRulesTests
{
    private static RequestDetails Seeking(Measure measure, ElectronicDataSought? data) => Mla() with { Measures = [measure], ElectronicData = data };

    private static State Declaring(bool? realTime, bool? interception) => Party("DEU") with
    {
        Declarations = new Declarations { AcceptsRealTimeTrafficCollection = realTime, AcceptsContentInterception = interception },
    };

    [Fact]
    public void StoredDataNamed_passes_with_categories_and_identifiers_and_needs_no_period() =>
        Assert.Empty(ElectronicEvidenceRules.StoredDataNamed.Breaches(Context(Seeking(Measure.StoredDataAccess, NamedData(withPeriod: false)))));

    [Fact]
    public void StoredDataNamed_fails_without_the_data() =>
        Assert.Equal(["electronicData.categories", "electronicData.identifiers"],
            ElectronicEvidenceRules.StoredDataNamed.Breaches(Context(Seeking(Measure.StoredDataAccess, null))));

    [Fact]
    public void RealTimeTraffic_passes_with_data_a_period_and_a_State_that_accepts()
    {
        Assert.Empty(ElectronicEvidenceRules.RealTimeTraffic.Breaches(Context(Seeking(Measure.RealTimeTrafficCollection, NamedData()), Declaring(true, null))));
        var duration = NamedData(withPeriod: false) with { DurationDays = 14 };
        Assert.Empty(ElectronicEvidenceRules.RealTimeTraffic.Breaches(Context(Seeking(Measure.RealTimeTrafficCollection, duration), Declaring(true, null))));
    }

    [Fact]
    public void RealTimeTraffic_fails_without_a_period_and_when_the_State_declared_no()
    {
        var context = Context(Seeking(Measure.RealTimeTrafficCollection, NamedData(withPeriod: false)), Declaring(false, null));
        Assert.Equal(["electronicData", "measures"], ElectronicEvidenceRules.RealTimeTraffic.Breaches(context));
        Assert.Contains("DEU does not accept requests for real-time collection of traffic data.", ElectronicEvidenceRules.RealTimeTraffic.Messages(context));
    }

    [Fact]
    public void ContentInterception_passes_with_data_a_period_and_a_State_that_accepts() =>
        Assert.Empty(ElectronicEvidenceRules.ContentInterception.Breaches(Context(Seeking(Measure.ContentInterception, NamedData()), Declaring(null, true))));

    [Fact]
    public void ContentInterception_fails_without_data_and_when_the_State_declared_no() =>
        Assert.Equal(["electronicData.categories", "electronicData.identifiers", "electronicData", "measures"],
            ElectronicEvidenceRules.ContentInterception.Breaches(Context(Seeking(Measure.ContentInterception, null), Declaring(null, false))));

    [Fact]
    public void The_undeclared_warnings_stay_silent_once_the_State_has_declared()
    {
        Assert.Empty(ElectronicEvidenceRules.UndeclaredRealTimeTraffic.Breaches(Context(Seeking(Measure.RealTimeTrafficCollection, NamedData()), Declaring(false, null))));
        Assert.Empty(ElectronicEvidenceRules.UndeclaredInterception.Breaches(Context(Seeking(Measure.ContentInterception, NamedData()), Declaring(null, true))));
    }

    [Fact]
    public void The_undeclared_warnings_name_a_State_that_has_declared_nothing()
    {
        Assert.Equal(["measures"], ElectronicEvidenceRules.UndeclaredRealTimeTraffic.Breaches(Context(Seeking(Measure.RealTimeTrafficCollection, NamedData()))));
        Assert.Equal(["measures"], ElectronicEvidenceRules.UndeclaredInterception.Breaches(Context(Seeking(Measure.ContentInterception, NamedData()))));
    }

    [Fact]
    public void The_rules_of_Arts_44_to_46_leave_other_measures_alone()
    {
        foreach (var rule in ElectronicEvidenceRules.All) Assert.Empty(rule.Breaches(Context(Mla())));
    }
}
