using System.Text.RegularExpressions;
using System.Reflection;
using NetArchTest.Rules;

// The one-way arrows between the parts of src/AssistanceApi (docs/architecture.md). Each rule names the types that
// break it, so a failure says where to look.
namespace AssistanceApi.Tests.Architecture;

public sealed class ArchitectureTests
{
    private const string Api = "AssistanceApi";
    private static readonly Assembly Assembly = typeof(Program).Assembly;

    /// <summary>Every part of the API other than the core.</summary>
    private static readonly string[] OuterParts = ["Features", "Persistence", "Host", "Http", "Auth", "Audit", "Idempotency", "Events", "Webhooks", "Telemetry", "DocumentStorage"];

    /// <summary>The frameworks the core never sees: the web, the database, the mediator, validation, configuration.</summary>
    private static readonly string[] Frameworks =
        ["FastEndpoints", "Dapper", "Microsoft.AspNetCore", "Mediator", "FluentValidation", "Microsoft.Extensions.Configuration"];

    [Fact]
    public void Domain_references_no_other_part_of_the_api() =>
        AssertNone(Part("Domain"), OuterParts.Select(Namespace).ToArray(), "Domain must not reference");

    [Fact]
    public void Domain_references_no_framework() =>
        AssertNone(Part("Domain"), Frameworks, "Domain must not reference");

    [Fact]
    public void Treaty_references_no_other_part_of_the_api() =>
        AssertNone(Part("Treaty"), OuterParts.Select(Namespace).ToArray(), "Treaty must not reference");

    [Fact]
    public void Treaty_references_no_framework() =>
        AssertNone(Part("Treaty"), Frameworks, "Treaty must not reference");

    [Fact]
    public void Persistence_references_no_feature() =>
        AssertNone(Part("Persistence"), [Namespace("Features")], "Persistence must not reference");

    /// <summary>The transaction behaviour flushes the audit trail through an interface Persistence owns: Audit builds on Persistence, never the reverse.</summary>
    [Fact]
    public void Persistence_references_neither_audit_nor_auth_nor_idempotency() =>
        AssertNone(Part("Persistence"), [Namespace("Audit"), Namespace("Auth"), Namespace("Idempotency")], "Persistence must not reference");

    [Fact]
    public void Auth_references_no_feature() =>
        AssertNone(Part("Auth"), [Namespace("Features")], "Auth must not reference");

    [Fact]
    public void Audit_references_no_feature() =>
        AssertNone(Part("Audit"), [Namespace("Features")], "Audit must not reference");

    [Fact]
    public void Events_references_no_feature() =>
        AssertNone(Part("Events"), [Namespace("Features")], "Events must not reference");

    [Fact]
    public void Idempotency_references_no_feature() =>
        AssertNone(Part("Idempotency"), [Namespace("Features")], "Idempotency must not reference");

    /// <summary>The content store keeps bytes; what they mean (requests, custody, who may add what) is decided above it.</summary>
    [Fact]
    public void DocumentStorage_references_no_feature_nor_audit_nor_auth() =>
        AssertNone(Part("DocumentStorage"), [Namespace("Features"), Namespace("Audit"), Namespace("Auth"), Namespace("Idempotency")], "DocumentStorage must not reference");

    [Fact]
    public void Persistence_references_no_document_storage() =>
        AssertNone(Part("Persistence"), [Namespace("DocumentStorage")], "Persistence must not reference");

    [Fact]
    public void Webhooks_references_no_feature() =>
        AssertNone(Part("Webhooks"), [Namespace("Features")], "Webhooks must not reference");

    /// <summary>The HTTP kernel is used by every part above the core and uses none of them but the metrics.</summary>
    [Fact]
    public void Http_references_no_other_part_but_the_core_and_telemetry() =>
        AssertNone(Part("Http"), OuterParts.Where(p => p is not ("Http" or "Telemetry")).Select(Namespace).ToArray(), "Http must not reference");

    /// <summary>The metrics are recorded from every part, so they know none of them.</summary>
    [Fact]
    public void Telemetry_references_no_other_part_of_the_api() =>
        AssertNone(Part("Telemetry"), OuterParts.Where(p => p != "Telemetry").Append("Domain").Append("Treaty").Select(Namespace).ToArray(), "Telemetry must not reference");

    /// <summary>Host is the composition root: it wires everything, and nothing depends on it.</summary>
    [Fact]
    public void No_part_references_the_host()
    {
        var others = OuterParts.Where(p => p != "Host").Append("Domain").Append("Treaty");
        var offending = others.SelectMany(p => Offending(Part(p), [Namespace("Host")])).ToList();
        Assert.True(offending.Count == 0, Message("Only Host may reference", [Namespace("Host")], offending));
    }

    /// <summary>
    /// A slice is AssistanceApi.Features.&lt;Area&gt;.&lt;Action&gt; and everything under it; AssistanceApi.Features and
    /// AssistanceApi.Features.&lt;Area&gt; are shared by the slices beneath them.
    /// </summary>
    [Fact]
    public void A_slice_references_no_other_slice()
    {
        var slices = Slices();
        Assert.NotEmpty(slices);
        var offending = slices
            .SelectMany(slice => OffendingInSlice(slice, slices.Where(s => s != slice).ToArray()))
            .ToList();
        Assert.True(offending.Count == 0, Message("A slice must not reference another slice", ["AssistanceApi.Features.<Area>.<Action>"], offending));
    }

    [Fact]
    public void The_slice_rule_sees_the_slices_it_guards()
    {
        var slices = Slices();

        Assert.Contains("AssistanceApi.Features.Requests.Submit", slices);
        Assert.Contains("AssistanceApi.Features.Requests.Messages", slices);
        Assert.DoesNotContain("AssistanceApi.Features.Requests", slices);
    }

    private static string Namespace(string part) => $"{Api}.{part}";

    private static string Part(string part) => part.StartsWith(Api + ".", StringComparison.Ordinal) ? part : Namespace(part);

    private static List<string> Slices() =>
        Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Api + ".Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.'))
            .Where(segments => segments.Length >= 4)
            .Select(segments => string.Join('.', segments.Take(4)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> Offending(string part, string[] forbidden)
    {
        var result = Types.InAssembly(Assembly).That().ResideInNamespace(part).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames.ToList();
    }

    /// <summary>
    /// A slice's own types, and references to another slice's types: ResideInNamespace matches by prefix, so without
    /// the regex Requests.Validate would take in Requests.ValidateDraft.
    /// </summary>
    private static IReadOnlyList<string> OffendingInSlice(string slice, string[] otherSlices)
    {
        var result = Types.InAssembly(Assembly).That().ResideInNamespaceMatching($"^{Regex.Escape(slice)}(\\..+)?$")
            .ShouldNot().HaveDependencyOnAny(otherSlices).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames.ToList();
    }

    private static void AssertNone(string part, string[] forbidden, string rule)
    {
        var offending = Offending(part, forbidden);
        Assert.True(offending.Count == 0, Message($"{rule} (checked: {part})", forbidden, offending));
    }

    private static string Message(string rule, IEnumerable<string> forbidden, IReadOnlyList<string> offending) =>
        $"{rule} {string.Join(", ", forbidden)}; offending types:{Environment.NewLine}  " +
        string.Join(Environment.NewLine + "  ", offending.Distinct().Order(StringComparer.Ordinal));
}
